package locker.config;

import java.util.List;

/** One or more settings are wrong; the message names each setting and what it accepts. */
public final class ConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid load-test settings (nothing was started or changed):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
