package locker.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads settings by their declarations ({@link Settings}): the default when unset, else the text as the declared rule
 * makes it. Problems are collected rather than thrown one at a time, so a user sees every bad setting at once.
 */
final class SettingReader {
    private final SettingSource source;
    private final List<String> problems = new ArrayList<>();
    private final Map<Setting<?>, Object> recorded = new LinkedHashMap<>();

    SettingReader(SettingSource source) {
        this.source = source;
    }

    /** The setting's value: its default when unset or when its text breaks the rule (then a problem names it). */
    <T> T read(Setting<T> setting) {
        Optional<String> text = source.get(setting.name());
        T value = setting.fallback();
        if (text.isPresent()) {
            try {
                value = setting.rule().parse(text.get());
            } catch (Setting.Refused refused) {
                // a secret's text is never shown
                problems.add(setting.name() + " must be " + refused.getMessage()
                        + (setting.rule().secret() ? "" : ", was '" + printable(text.get()) + "'"));
            }
        }
        recorded.put(setting, value == null ? null : setting.rule().shown(value));
        return value;
    }

    private static String printable(String text) {
        return text.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))).collect(Collectors.joining());
    }

    void problem(String message) {
        problems.add(message);
    }

    /** Each setting read, in the order read, with its value as the results record it ({@link Setting.Rule#shown}). */
    Map<Setting<?>, Object> recorded() {
        return Collections.unmodifiableMap(recorded);
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
