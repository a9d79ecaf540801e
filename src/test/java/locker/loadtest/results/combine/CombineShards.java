package locker.loadtest.results.combine;

import locker.config.ConfigException;
import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.Setting;
import locker.config.SettingSource;
import locker.config.Settings;
import locker.loadtest.anomalies.AnomalyFinder;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.anomalies.Invariants;
import locker.loadtest.anomalies.LockerStateReader;
import locker.loadtest.anomalies.StudentIdRange;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.report.LockerRushSection;
import locker.loadtest.results.report.MarkdownSummary;
import locker.testdata.RestoreMismatchException;
import locker.testdata.RestoreReport;
import locker.testdata.TestData;
import locker.testdata.TestDataRefusedException;
import locker.testdata.TestDataSummary;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * {@code scripts/combine_shards.sh}: after the last of several load generators (shards) has finished, checks the
 * invariants over the whole database with every shard's confirms, finds their evidence, restores the test data
 * seeded once by {@code scripts/seed_test_data.sh}, and combines the shards' results files into one
 * ({@link CombinedResults}) with the Locker rush section as a page of its own and the Markdown summary beside it.
 * {@code --no-database} only combines. DB_* and REDIS_* are read like the load test's.
 *
 * <p>Exit status: 0 every goal and invariant held and the database is exactly as before; 1 a goal was missed or the
 * restore found rows changed by others; 2 bad arguments or settings (nothing touched); 3 an invariant was violated;
 * 7 the database could not be reached or a generator still holds it (nothing checked or restored).
 */
public final class CombineShards {
    static final Path DEFAULT_OUTPUT = Path.of("combined_results.json");
    static final String USAGE = "usage: combine_shards.sh [--no-database] [--output " + DEFAULT_OUTPUT + "]"
            + " <shard results.json>...";

    private CombineShards() {}

    /** The command line: results files, where the combined file goes, whether the database is checked and restored. */
    record Arguments(List<Path> files, Path output, boolean database) {
        static Arguments parse(String[] args) {
            List<Path> files = new ArrayList<>();
            Path output = DEFAULT_OUTPUT;
            boolean database = true;
            CommandLine line = new CommandLine(args);
            while (line.hasNext()) {
                String arg = line.next();
                switch (arg) {
                    case "--no-database" -> database = false;
                    case "--output" -> output = Path.of(line.value().filter(name -> name.endsWith(".json"))
                            .orElseThrow(() -> new IllegalArgumentException("--output needs a file name ending in .json")));
                    default -> {
                        if (CommandLine.isOption(arg)) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(Path.of(arg));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no shard results files given");
            }
            return new Arguments(List.copyOf(files), output, database);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Arguments arguments;
        List<RunResults> shards;
        List<Integer> missing;
        LoadTestConfig settings;
        try {
            arguments = Arguments.parse(args);
            shards = read(arguments.files());
            missing = ShardSet.check(shards, arguments.files());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return ExitStatus.BAD_SETTINGS.code();
        }
        try {
            // the generators' settings, which say EXTERNAL_TEST_DATA=true (or are refused), are this command's too
            settings = arguments.database()
                    ? LoadTestConfig.from(SettingSource.standard().with("EXTERNAL_TEST_DATA", "true")) : null;
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitStatus.BAD_SETTINGS.code();
        }
        if (!missing.isEmpty()) {
            System.err.println("WARNING: no results file for shard(s) " + missing + " of " + shards.get(0).config()
                    .settings().get(Settings.SHARD_COUNT.key()) + ": they did not finish; their requests are not in the figures");
        }
        Checked checked;
        try {
            checked = arguments.database() ? checkAndRestore(settings, shards, !missing.isEmpty()) : Checked.notChecked();
        } catch (TestDataRefusedException e) {
            System.err.println(e.getMessage());
            return ExitStatus.PREFLIGHT_FAILED.code();
        }
        RunResults combined = CombinedResults.of(shards, arguments.files(), missing, checked.invariants(),
                checked.anomalies(), checked.testData(), arguments.output().toAbsolutePath().getParent());
        combined.writeTo(arguments.output());
        Path page = sibling(arguments.output(), ".html");
        Path markdown = sibling(arguments.output(), ".md");
        String summary = MarkdownSummary.render(combined);
        write(page, LockerRushSection.page(combined));
        write(markdown, summary);
        System.out.println(summary);
        System.out.println("combined " + shards.size() + " shard(s): " + arguments.output() + ", " + page + ", " + markdown);
        if (combined.invariantsViolated()) {
            return ExitStatus.INVARIANT_VIOLATED.code();
        }
        return combined.assertionsPassed() && checked.restoredExactly() ? 0 : 1;
    }

    /** The database's part: the invariants and their evidence, then the restore. */
    record Checked(List<InvariantResult> invariants, AnomalyReport anomalies, TestDataSummary testData,
                   boolean restoredExactly) {
        static Checked notChecked() {
            return new Checked(List.of(), AnomalyReport.none(false), null, true);
        }
    }

    /**
     * {@code shardsMissing}: some shard left no results, so its confirms are unknown and the count of the test users'
     * lockers cannot be judged; every other invariant still is.
     */
    private static Checked checkAndRestore(LoadTestConfig settings, List<RunResults> shards, boolean shardsMissing) {
        Map<String, Object> first = shards.get(0).config().settings();
        SeedPlan plan = new SeedPlan(((Number) first.get(Settings.TOTAL_USERS.key())).intValue(),
                ((Number) first.get(Settings.STUDENT_ID_START.key())).longValue(),
                ((Number) first.get(Settings.TEST_LOCKERS_COUNT.key())).intValue());
        StudentIdRange range = new StudentIdRange(plan.studentIdStart(), plan.studentIdEnd());
        long confirmedNow = shards.stream().mapToLong(shard -> shard.summary().outcome(Outcome.CONFIRMED.key())
                - shard.summary().outcome(Outcome.RELEASED.key())).sum();
        List<InvariantResult> invariants = new ArrayList<>();
        AtomicReference<AnomalyReport> anomalies = new AtomicReference<>(AnomalyReport.none(true));
        TestDataSummary summary = TestDataSummary.of(plan);
        try (TestData data = TestData.connect(settings.database, settings.redis)) {
            if (!data.isConnected()) {
                throw new TestDataRefusedException("nothing checked or restored: the database " + settings.database
                        + " cannot be reached; scripts/restore.sh restores once it can");
            }
            RestoreReport report;
            try {
                report = data.restore(connection -> {
                    invariants.addAll(Invariants.check(connection, confirmedNow, range));
                    if (shardsMissing && invariants.removeIf(check -> check.name().equals(Invariants.CONFIRMED_COUNT))) {
                        System.err.println("WARNING: " + Invariants.CONFIRMED_COUNT + " not checked: the missing shards'"
                                + " confirms are unknown");
                    }
                    try (Jedis jedis = settings.redis.connectIfAnswering().orElse(null)) {
                        anomalies.set(AnomalyFinder.find(List.of(), invariants, new LockerStateReader(connection, jedis)));
                    }
                });
            } catch (RestoreMismatchException e) {
                return new Checked(invariants, anomalies.get(), summary.failedToRestore(e.report()), false);
            }
            return new Checked(invariants, anomalies.get(), summary.restored(report), report.exact());
        }
    }

    private static List<RunResults> read(List<Path> files) {
        List<RunResults> shards = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + " is not a file");
            }
            RunResults results;
            try {
                results = RunResults.read(file);
            } catch (UncheckedIOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
            if (results.latencyHistograms() == null || results.summary() == null || results.config() == null) {
                throw new IllegalArgumentException(file + " has no latency histograms: not the results of a load"
                        + " generator of this version");
            }
            shards.add(results);
        }
        return shards;
    }

    private static Path sibling(Path json, String extension) {
        String name = json.getFileName().toString();
        return json.resolveSibling(name.substring(0, name.length() - ".json".length()) + extension);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rules a set of shards' results must follow to be combined. */
    static final class ShardSet {
        private static final List<String> SHARED = Stream.of(Settings.BASE_URL, Settings.PROFILE,
                Settings.TOTAL_USERS, Settings.STUDENT_ID_START, Settings.TEST_LOCKERS_COUNT, Settings.SHARD_COUNT)
                .map(Setting::key).toList();

        private ShardSet() {}

        /** Refuses results that are not shards of one run; returns the shard indexes no file was given for. */
        static List<Integer> check(List<RunResults> shards, List<Path> files) {
            Map<String, Object> first = shards.get(0).config().settings();
            for (int i = 1; i < shards.size(); i++) {
                Map<String, Object> other = shards.get(i).config().settings();
                for (String key : SHARED) {
                    if (!Objects.equals(first.get(key), other.get(key))) {
                        throw new IllegalArgumentException(files.get(i) + " is not a shard of the same run as "
                                + files.get(0) + ": " + key + " is " + other.get(key) + ", not " + first.get(key));
                    }
                }
            }
            if (!(first.get(Settings.SHARD_COUNT.key()) instanceof Number count)) {
                throw new IllegalArgumentException(files.get(0) + " does not say which shard it is: written by an older"
                        + " version");
            }
            TreeSet<Integer> seen = new TreeSet<>();
            for (int i = 0; i < shards.size(); i++) {
                int index = ((Number) shards.get(i).config().settings().get(Settings.SHARD_INDEX.key())).intValue();
                if (!seen.add(index)) {
                    throw new IllegalArgumentException("shard " + index + " is given twice (" + files.get(i) + ")");
                }
            }
            return IntStream.range(0, count.intValue()).filter(index -> !seen.contains(index)).boxed().toList();
        }
    }
}
