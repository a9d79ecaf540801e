package locker.loadtest.results;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arguments of a command-line tool, read left to right: options ({@code --name}), the value after an option
 * (the next argument, unless it is an option itself), and whatever else the tool takes. Each tool words its own
 * refusals, but for a missing value ("OPTION needs a value") and a list of named choices ("OPTION takes some of ...").
 */
public final class CommandLine {
    private final List<String> args;
    private int next;

    public CommandLine(List<String> args) {
        this.args = List.copyOf(args);
    }

    public CommandLine(String... args) {
        this(List.of(args));
    }

    /** Whether {@code -h} or {@code --help} is among {@code args}: the tool prints its usage and does nothing else. */
    public static boolean asksForHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    public static boolean isOption(String arg) {
        return arg.startsWith("--");
    }

    public boolean hasNext() {
        return next < args.size();
    }

    public String next() {
        return args.get(next++);
    }

    /** The value after an option, taken; empty, and nothing taken, when the next argument is an option or none. */
    public Optional<String> value() {
        return hasNext() && !isOption(args.get(next)) ? Optional.of(next()) : Optional.empty();
    }

    /** The value after {@code option}, taken; refused when there is none. */
    public String valueOf(String option) {
        return value().orElseThrow(() -> new IllegalArgumentException(option + " needs a value"));
    }

    /** How an option names a setting or an enum constant: lower case, '-' for '_' ({@code LARGE_RUSH}: {@code large-rush}). */
    public static String optionName(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The option names of every constant of {@code type}, as a usage text lists them: "a, b, c". */
    public static String optionNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> optionName(constant.name()))
                .collect(Collectors.joining(", "));
    }

    /** The constants a comma-separated {@code list} names; refused with every name {@code option} takes. */
    public static <E extends Enum<E>> Set<E> someOf(Class<E> type, String option, String list) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String name : list.split(",")) {
            chosen.add(Arrays.stream(type.getEnumConstants()).filter(c -> optionName(c.name()).equals(name.trim()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(option + " takes some of "
                            + optionNames(type) + "; was '" + name + "'")));
        }
        return chosen;
    }
}
