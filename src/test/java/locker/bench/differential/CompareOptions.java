package locker.bench.differential;

import locker.config.DbTarget;
import locker.config.RedisTarget;
import locker.config.Setting;
import locker.config.Settings;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;
import locker.twin.stack.EmbeddedStack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line of scripts/compare_servers.sh. Each target is given by options ({@code --a-base-url}, ...) or by a
 * file of {@code NAME=value} lines as scripts/reference-server.sh prints them ({@code --a-settings}); an option wins
 * over the file. Every problem is collected, so that one refusal names them all.
 */
record CompareOptions(ServerTarget a, ServerTarget b, int rounds, Path out, Duration noAnswer, Set<CaseKind> kinds) {
    static final String WIPE_FLAG = "--i-understand-this-wipes-both-databases";
    static final int DEFAULT_ROUNDS = 19;
    private static final int MAX_ROUNDS = 1_000;
    static final int DEFAULT_NO_ANSWER_SECONDS = 3;
    private static final int MAX_NO_ANSWER_SECONDS = 60;
    static final Path DEFAULT_OUT = Path.of("differential_results.json");
    private static final Pattern NAME = Pattern.compile("[^\\s\\p{Cntrl}]{1,20}");

    /**
     * A target's settings, as a settings file names them, by the option that also sets each: the setting's name in
     * lower case with '-' for '_' ({@code DB_HOST}: {@code --a-db-host}).
     */
    private static final Map<String, String> TARGET_OPTIONS = Stream.of("BASE_URL", "DB_HOST", "DB_PORT", "DB_NAME",
                    "DB_USER", "DB_PASSWORD", "REDIS_HOST", "REDIS_PORT", "REDIS_PASSWORD", "JWT_SECRET", "NAME")
            .collect(Collectors.toMap(CommandLine::optionName, setting -> setting, (a, b) -> a, LinkedHashMap::new));

    static final String USAGE = """
            usage: scripts/compare_servers.sh --i-understand-this-wipes-both-databases
                     (--a-settings FILE | --a-base-url URL [--a-db-host HOST ...])
                     (--b-settings FILE | --b-base-url URL [--b-db-host HOST ...])
                     [--rounds N] [--only KIND,...] [--no-answer-seconds S] [--out FILE]

            Sends the same requests to two locker servers A and B (e.g. the deployed server and the reference
            server) and compares, after normalising tokens, ids and times: status, reason, the headers that
            matter, the body, then the rows and Redis keys each left. Before every case both are reset: every
            user, refresh token and assignment is deleted, the lockers' owners cleared and Redis flushed
            (FLUSHDB). It therefore refuses to run without --i-understand-this-wipes-both-databases, and refuses
            a target whose users table holds a student id not starting with %s. Then it counts, over repeated
            concurrent rounds, how often the deployed races happen on each.

            For each target (X is a or b):
              --X-settings FILE        NAME=value lines (scripts/reference-server.sh prints the first %s):
                %s
              --X-base-url URL         http://host:port of the server (required, here or in the file)
              --X-db-host HOST         its PostgreSQL (default: the base URL's host), --X-db-port (%s),
                                       --X-db-name (%s), --X-db-user (%s), --X-db-password ('')
              --X-redis-host HOST      its Redis (default: the base URL's host), --X-redis-port (%s),
                                       --X-redis-password (none)
              --X-jwt-secret KEY       the key it signs access tokens with; without both keys the cases
                                       that forge tokens are skipped
              --X-name NAME            its name in the report (default A, B)
            Options:
              --rounds N               rounds of each race per target, 0 to %s (default %d; 0: no races)
              --only KINDS             some of: %s
              --no-answer-seconds S    how long the cases that may get no answer wait, 1 to %d (default %d)
              --out FILE               the JSON file with everything (default %s)
            Exit status: %d no difference a client could meet, %d at least one, %d bad arguments or a target
            refused (nothing was changed), %d a target's database or Redis failed during the comparison.
            """.formatted(TargetState.TEST_STUDENT_IDS, Texts.inWords(EmbeddedStack.CLIENT_SETTINGS),
            String.join(", ", TARGET_OPTIONS.values()), Settings.DB_PORT.fallback(), Settings.DB_NAME.fallback(), Settings.DB_USER.fallback(),
            Settings.REDIS_PORT.fallback(), String.format(Locale.ROOT, "%,d", MAX_ROUNDS), DEFAULT_ROUNDS,
            CommandLine.optionNames(CaseKind.class), MAX_NO_ANSWER_SECONDS, DEFAULT_NO_ANSWER_SECONDS, DEFAULT_OUT,
            CompareServers.NO_CLIENT_DIFFERENCE, CompareServers.CLIENT_DIFFERENCE, ExitStatus.BAD_SETTINGS.code(),
            CompareServers.TARGET_FAILED);

    static CompareOptions parse(String... args) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> given = Map.of("a", new HashMap<>(), "b", new HashMap<>());
        Map<String, Path> settingsFiles = new HashMap<>();
        boolean wipeAccepted = false;
        String rounds = null;
        String noAnswer = null;
        String out = null;
        String only = null;
        CommandLine line = new CommandLine(args);
        while (line.hasNext()) {
            String arg = line.next();
            if (arg.equals(WIPE_FLAG)) {
                wipeAccepted = true;
                continue;
            }
            if (!CommandLine.isOption(arg)) {
                problems.add("unexpected argument '" + arg + "' (options start with --; see --help)");
                continue;
            }
            String name = arg.substring(2);
            String targetOption = name.length() > 2 && (name.startsWith("a-") || name.startsWith("b-")) ? name.substring(2) : null;
            boolean known = switch (name) {
                case "rounds", "no-answer-seconds", "out", "only" -> true;
                default -> targetOption != null && (targetOption.equals("settings") || TARGET_OPTIONS.containsKey(targetOption));
            };
            if (!known) {
                problems.add("unknown option '" + arg + "' (see --help)");
                continue;
            }
            String value;
            try {
                value = line.valueOf(arg);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            switch (name) {
                case "rounds" -> rounds = value;
                case "no-answer-seconds" -> noAnswer = value;
                case "out" -> out = value;
                case "only" -> only = value;
                default -> {
                    String side = name.substring(0, 1);
                    if (targetOption.equals("settings")) {
                        settingsFiles.put(side, Path.of(value));
                    } else {
                        given.get(side).put(TARGET_OPTIONS.get(targetOption), value);
                    }
                }
            }
        }
        if (!wipeAccepted) {
            problems.add("this comparison deletes every user, refresh token and assignment, clears the lockers' owners"
                    + " and flushes Redis on both targets before every case; give " + WIPE_FLAG + " to run it");
        }
        ServerTarget a = target("a", "A", settingsFiles.get("a"), given.get("a"), problems);
        ServerTarget b = target("b", "B", settingsFiles.get("b"), given.get("b"), problems);
        int roundCount = whole(rounds, "--rounds", DEFAULT_ROUNDS, 0, MAX_ROUNDS, problems);
        int noAnswerSeconds = whole(noAnswer, "--no-answer-seconds", DEFAULT_NO_ANSWER_SECONDS, 1, MAX_NO_ANSWER_SECONDS,
                problems);
        Path outFile = DEFAULT_OUT;
        if (out != null) {
            if (!out.toLowerCase(Locale.ROOT).endsWith(".json")) {
                problems.add("--out must name a file ending in .json, was '" + out + "'");
            } else {
                outFile = Path.of(out);
            }
        }
        Set<CaseKind> kinds = EnumSet.allOf(CaseKind.class);
        if (only != null) {
            try {
                kinds = CommandLine.someOf(CaseKind.class, "--only", only);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (a != null && b != null && a.name().equals(b.name())) {
            problems.add("the two targets need different names, both are '" + a.name() + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new CompareOptions(a, b, roundCount, outFile, Duration.ofSeconds(noAnswerSeconds), kinds);
    }

    private static ServerTarget target(String side, String defaultName, Path file, Map<String, String> options,
                                       List<String> problems) {
        Map<String, String> settings = new HashMap<>();
        if (file != null) {
            settings.putAll(settingsFile(file, side, problems));
        }
        settings.putAll(options);
        String prefix = "--" + side + "-";
        String baseUrl = settings.get("BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            problems.add("target " + side.toUpperCase(Locale.ROOT) + " needs a base URL: " + prefix + "base-url or BASE_URL in "
                    + prefix + "settings");
            return null;
        }
        String host = httpHost(baseUrl.trim(), prefix + "base-url", problems);
        if (host == null) {
            return null;
        }
        int problemsBefore = problems.size();
        SettingText read = new SettingText(settings, prefix, problems);
        String dbHost = read.value(Settings.DB_HOST, host);
        int dbPort = read.value(Settings.DB_PORT, Settings.DB_PORT.fallback());
        String dbName = read.value(Settings.DB_NAME, Settings.DB_NAME.fallback());
        String dbUser = read.value(Settings.DB_USER, Settings.DB_USER.fallback());
        String redisHost = read.value(Settings.REDIS_HOST, host);
        int redisPort = read.value(Settings.REDIS_PORT, Settings.REDIS_PORT.fallback());
        String name = settings.getOrDefault("NAME", "");
        if (name.isEmpty()) {
            name = defaultName;
        } else if (!NAME.matcher(name).matches()) {
            problems.add(prefix + "name must be 1 to 20 characters without spaces, was '" + Texts.oneLine(name) + "'");
        }
        String secret = settings.get("JWT_SECRET");
        if (secret != null && secret.isEmpty()) {
            problems.add(prefix + "jwt-secret must not be empty (leave it out to skip the forged-token cases)");
        }
        if (problems.size() > problemsBefore) {
            return null;
        }
        return new ServerTarget(name, trimSlash(baseUrl.trim()),
                new DbTarget(dbHost, dbPort, dbName, dbUser, settings.getOrDefault("DB_PASSWORD", "")),
                new RedisTarget(redisHost, redisPort, settings.get("REDIS_PASSWORD")), secret);
    }

    private static Map<String, String> settingsFile(Path file, String side, List<String> problems) {
        Map<String, String> settings = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add("--" + side + "-settings: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            return settings;
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !TARGET_OPTIONS.containsValue(name)) {
                problems.add("--" + side + "-settings: line " + (n + 1) + " of " + file + " is not one of "
                        + String.join(", ", TARGET_OPTIONS.values()) + " as NAME=value");
                continue;
            }
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            settings.put(name, value);
        }
        return settings;
    }

    /** The host of an {@code http://host[:port][/]} URL; null (with the problem noted) for anything else. */
    private static String httpHost(String url, String option, List<String> problems) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && (path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return uri.getHost();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        problems.add(option + " must be http://host[:port] (plain HTTP: the cases send their bytes over a socket;"
                + " the API prefix /api/v1 is added by the cases), was '" + url + "'");
        return null;
    }

    /**
     * A target's settings read by the load test's own declarations ({@link Settings}): the same rules, refusals
     * naming the option ({@code --a-db-port}) that sets it.
     */
    private record SettingText(Map<String, String> settings, String prefix, List<String> problems) {
        <T> T value(Setting<T> setting, T fallback) {
            String text = settings.get(setting.name());
            if (text == null || text.isEmpty()) {
                return fallback;
            }
            try {
                return setting.rule().parse(text.trim());
            } catch (Setting.Refused refused) {
                problems.add(prefix + CommandLine.optionName(setting.name()) + " must be "
                        + refused.getMessage() + ", was '" + Texts.oneLine(text) + "'");
                return fallback;
            }
        }
    }

    private static int whole(String value, String option, int fallback, int min, int max, List<String> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(option + " must be a whole number from " + min + " to " + String.format(Locale.ROOT, "%,d", max)
                + ", was '" + value + "'");
        return fallback;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
