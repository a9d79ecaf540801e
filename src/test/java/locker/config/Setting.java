package locker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting as {@link Settings} declares it: its name, its default ({@code null} or empty: unset), the rule its text
 * must follow (the reader enforces exactly this rule) and its meaning (the README's settings table, Markdown).
 */
public record Setting<T>(String name, T fallback, Rule<T> rule, String meaning) {

    /** How a setting's text becomes its value. */
    public interface Rule<T> {
        /** The value {@code text} stands for; a {@link Refused} naming what the rule accepts when it breaks the rule. */
        T parse(String text);

        /** The value as the results file records it and the README shows the default. */
        default Object shown(T value) {
            return value;
        }

        /** A secret's value is never shown: not in a refusal, not in the results. */
        default boolean secret() {
            return false;
        }
    }

    /** The text breaks the rule; the message says what the rule accepts ("a whole number from 1 to 10"). */
    public static final class Refused extends RuntimeException {
        Refused(String accepts) {
            super(accepts, null, false, false);
        }
    }

    /** The key the results file records this setting under ({@link LoadTestConfig#describe()}). */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The default as the README's table shows it: in backticks, or *(unset)*. */
    public String defaultText() {
        Object shown = fallback == null ? null : rule.shown(fallback);
        if (shown == null) {
            return "*(unset)*";
        }
        if (shown instanceof Double d && d == Math.rint(d)) {
            shown = d.longValue();
        }
        return "`" + shown + "`";
    }

    // ---- the rules ----

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");
    /** PostgreSQL's longest name, in bytes. */
    static final int MAX_IDENTIFIER_LENGTH = 63;
    private static final Pattern IDENTIFIER = Pattern.compile("[^\\s\"'\\p{Cntrl}]{1," + MAX_IDENTIFIER_LENGTH + "}");

    static Rule<Integer> wholeNumber(int min, int max) {
        return between(min, max, Integer::valueOf, "a whole number");
    }

    static Rule<Long> wholeNumber(long min, long max) {
        return between(min, max, Long::valueOf, "a whole number");
    }

    static Rule<Double> number(double min, double max) {
        return between(min, max, Double::valueOf, "a number");
    }

    private static <C extends Comparable<C>> Rule<C> between(C min, C max, Function<String, C> parse, String kind) {
        String accepts = kind + " from " + min + " to " + max;
        return text -> {
            try {
                C value = parse.apply(text);
                if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new Refused(accepts);
        };
    }

    /** A duration in seconds (fractions allowed, as in the original load test's settings), recorded in seconds. */
    static Rule<Duration> seconds(double min, double max) {
        Rule<Double> number = number(min, max);
        return shownAs(text -> ofSeconds(number.parse(text)), LoadTestConfig::seconds);
    }

    static Duration ofSeconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    static Rule<Boolean> flag() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new Refused("true or false");
        };
    }

    /** One of an enum's constants, by name in any case; recorded in lower case. */
    static <E extends Enum<E>> Rule<E> choice(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String accepts = "one of " + Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return shownAs(text -> Arrays.stream(constants).filter(c -> c.name().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new Refused(accepts)), value -> value.name().toLowerCase(Locale.ROOT));
    }

    /** An http(s) URL with a host, without a trailing slash. */
    static Rule<Optional<String>> httpUrl() {
        return shownAs(text -> {
            String url = text.replaceAll("/+$", "");
            try {
                URI uri = new URI(url);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getQuery() == null && uri.getFragment() == null) {
                    return Optional.of(url);
                }
            } catch (URISyntaxException e) {
                // refused below
            }
            throw new Refused("an http:// or https:// URL with a host, such as http://localhost:3000");
        }, value -> value.orElse(null));
    }

    /** {@code parse}, with its values recorded as {@code shown} gives them. */
    private static <T> Rule<T> shownAs(Rule<T> parse, Function<T, Object> shown) {
        return new Rule<>() {
            @Override
            public T parse(String text) {
                return parse.parse(text);
            }

            @Override
            public Object shown(T value) {
                return shown.apply(value);
            }
        };
    }

    /** A host name or IP address: letters, digits, dots, hyphens, underscores, or an IPv6 address's colons. */
    static Rule<String> hostName() {
        return matching(HOST, "a host name or IP address, such as db.example.com or 10.0.0.5");
    }

    /** A PostgreSQL name (database, user) as a client may give it: 1 to 63 characters without spaces or quotes. */
    static Rule<String> identifier() {
        return matching(IDENTIFIER,
                "a name of 1 to " + MAX_IDENTIFIER_LENGTH + " characters without spaces, quotes or control characters");
    }

    private static Rule<String> matching(Pattern pattern, String accepts) {
        return text -> {
            if (pattern.matcher(text).matches()) {
                return text;
            }
            throw new Refused(accepts);
        };
    }

    /** A password: any text on one line (a control character is a botched copy, not a password). */
    static Rule<String> secret() {
        return new Rule<>() {
            @Override
            public String parse(String text) {
                if (text.chars().anyMatch(Character::isISOControl)) {
                    throw new Refused("text on one line without control characters");
                }
                return text;
            }

            @Override
            public boolean secret() {
                return true;
            }
        };
    }

    /** A file or folder path this system can use. */
    static Rule<String> path() {
        return text -> {
            try {
                if (text.chars().noneMatch(Character::isISOControl)) {
                    Path.of(text);
                    return text;
                }
            } catch (InvalidPathException e) {
                // refused below
            }
            throw new Refused("a file path without control characters");
        };
    }

    /** A file path ending in {@code .json}. */
    static Rule<String> jsonFile() {
        Rule<String> path = path();
        return text -> {
            if (!path.parse(text).toLowerCase(Locale.ROOT).endsWith(".json")) {
                throw new Refused("a file path ending in .json");
            }
            return text;
        };
    }
}
