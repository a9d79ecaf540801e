package locker.loadtest.results;

import java.util.List;
import java.util.Optional;

/**
 * The arguments of a command-line tool, read left to right: options ({@code --name}), the value after an option
 * (the next argument, unless it is an option itself), and whatever else the tool takes. Each tool words its own
 * refusals, but for a missing value: "OPTION needs a value".
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
}
