package locker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reading of settings with their defaults and allowed ranges. Problems are collected rather
 * than thrown one at a time, so a user sees every bad setting at once.
 */
final class SettingReader {
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,253}");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[^\\s\"'\\p{Cntrl}]{1,63}");
    private final SettingSource source;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> namesRead = new LinkedHashSet<>();

    SettingReader(SettingSource source) {
        this.source = source;
    }

    Optional<String> raw(String name) {
        namesRead.add(name);
        return source.get(name);
    }

    /** A host name or IP address: letters, digits, dots, hyphens, underscores, or an IPv6 address's colons. */
    String hostName(String name, String fallback) {
        return matching(name, fallback, HOST, "a host name or IP address, such as db.example.com or 10.0.0.5");
    }

    /** A PostgreSQL name (database, user) as a client may give it: 1 to 63 characters without spaces or quotes. */
    String identifier(String name, String fallback) {
        return matching(name, fallback, IDENTIFIER, "a name of 1 to 63 characters without spaces, quotes or control characters");
    }

    /** A password: any text on one line (a control character is a botched copy, not a password). */
    String secret(String name, String fallback) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().chars().anyMatch(Character::isISOControl)) {
            // the value itself is never shown
            problems.add(name + " must be text on one line without control characters");
            return fallback;
        }
        return value.get();
    }

    /** A file path ending in {@code .json}. */
    String jsonFile(String name, String fallback) {
        String path = path(name, fallback);
        if (!path.toLowerCase(Locale.ROOT).endsWith(".json")) {
            problems.add(name + " must be a file path ending in .json, was '" + path + "'");
            return fallback;
        }
        return path;
    }

    /** A file or folder path this system can use. */
    String path(String name, String fallback) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            if (value.get().chars().noneMatch(Character::isISOControl)) {
                java.nio.file.Path.of(value.get());
                return value.get();
            }
        } catch (java.nio.file.InvalidPathException e) {
            // reported below
        }
        problems.add(name + " must be a file path without control characters, was '" + printable(value.get()) + "'");
        return fallback;
    }

    private String matching(String name, String fallback, java.util.regex.Pattern pattern, String kind) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        if (pattern.matcher(value.get()).matches()) {
            return value.get();
        }
        problems.add(name + " must be " + kind + ", was '" + printable(value.get()) + "'");
        return fallback;
    }

    private static String printable(String text) {
        return text.codePoints().mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))).collect(java.util.stream.Collectors.joining());
    }

    int intBetween(String name, int fallback, int min, int max) {
        return between(name, fallback, min, max, Integer::valueOf, "a whole number");
    }

    long longBetween(String name, long fallback, long min, long max) {
        return between(name, fallback, min, max, Long::valueOf, "a whole number");
    }

    double doubleBetween(String name, double fallback, double min, double max) {
        return between(name, fallback, min, max, Double::valueOf, "a number");
    }

    private <T extends Comparable<T>> T between(String name, T fallback, T min, T max, Function<String, T> parse,
                                                String kind) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            T parsed = parse.apply(value.get());
            if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be " + kind + " from " + min + " to " + max + ", was '" + value.get() + "'");
        return fallback;
    }

    /** A duration in seconds (fractions allowed, as in the original load test's settings). */
    Duration seconds(String name, double fallbackSeconds, double minSeconds, double maxSeconds) {
        double seconds = doubleBetween(name, fallbackSeconds, minSeconds, maxSeconds);
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    boolean flag(String name, boolean fallback) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> {
                return true;
            }
            case "false", "no", "off", "0" -> {
                return false;
            }
            default -> {
                problems.add(name + " must be true or false, was '" + value.get() + "'");
                return fallback;
            }
        }
    }

    <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.get())) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        problems.add(name + " must be one of " + String.join(", ", allowed) + ", was '" + value.get() + "'");
        return fallback;
    }

    /** An http(s) URL without a trailing slash; empty when unset. */
    Optional<String> httpUrl(String name) {
        Optional<String> value = raw(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().replaceAll("/+$", "");
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return Optional.of(text);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(name + " must be an http:// or https:// URL with a host, such as http://localhost:3000, was '"
                + value.get() + "'");
        return Optional.empty();
    }

    void problem(String message) {
        problems.add(message);
    }

    Set<String> namesRead() {
        return namesRead;
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
