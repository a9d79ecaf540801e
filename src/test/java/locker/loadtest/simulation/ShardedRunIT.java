package locker.loadtest.simulation;

import locker.loadtest.results.LatencyHistograms;
import locker.loadtest.results.RunResults;
import locker.loadtest.scenario.Endpoints;
import locker.testsupport.GatlingFork;
import locker.testsupport.ProjectScript;
import locker.testsupport.StackExtension;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two load generators (Gatling JVMs) against one twin, as a user runs them: the test data seeded once by
 * scripts/seed_test_data.sh, the shards run at the same time with EXTERNAL_TEST_DATA, and scripts/combine_shards.sh
 * checking the invariants over the whole and restoring once.
 */
class ShardedRunIT {
    private static final int STUDENTS = 60;

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    @TempDir
    Path dir;

    private Map<String, String> settings(String... pairs) {
        Map<String, String> settings = new HashMap<>(STACK.stack().clientSettings());
        settings.putAll(Map.of("TOTAL_USERS", Integer.toString(STUDENTS), "PROFILE", "rush", "SHARD_COUNT", "2",
                "TEST_LOCKERS_COUNT", "20", "USER_THINK_TIME_MIN", "0", "USER_THINK_TIME_MAX", "0.2",
                "MIN_THROUGHPUT", "0"));
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void twoGeneratorsSeededOnceRestoredOnceCombineExactly() throws Exception {
        Map<String, List<String>> before = STACK.contractTables();

        ProjectScript.Result seeded = script("seed_test_data.sh", settings(), List.of());
        assertThat(seeded.exitCode()).as(seeded.output()).isZero();
        assertThat(seeded.output()).contains("seeded once for 2 generator(s)").contains(STUDENTS + " test users");

        List<CompletableFuture<GatlingFork.Result>> shards = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            Map<String, String> shardSettings = settings("SHARD_INDEX", Integer.toString(shard),
                    "EXTERNAL_TEST_DATA", "true", "RESULTS_FILENAME", dir.resolve("shard-" + shard + ".json").toString());
            Path results = dir.resolve("gatling-" + shard);
            shards.add(CompletableFuture.supplyAsync(() -> GatlingFork.run(LockerReservationSimulation.class, results,
                    shardSettings)));
        }
        for (CompletableFuture<GatlingFork.Result> shard : shards) {
            assertThat(shard.get().exitCode()).as(shard.get().output()).isZero();
            assertThat(shard.get().output()).contains("using the test data seeded once for every generator");
        }
        assertThat(loginsPerTestStudent()).as("every test student logged in once: the slices are disjoint and whole")
                .hasSize(STUDENTS).allSatisfy((student, logins) -> assertThat(logins).isEqualTo(1));
        assertThat(STACK.contractTables()).as("the shards restored nothing").isNotEqualTo(before);

        RunResults first = RunResults.read(dir.resolve("shard-0.json"));
        RunResults second = RunResults.read(dir.resolve("shard-1.json"));
        assertThat(first.endpoints().get(Endpoints.LOGIN).total()).isEqualTo(STUDENTS / 2);
        assertThat(second.endpoints().get(Endpoints.LOGIN).total()).isEqualTo(STUDENTS / 2);
        assertThat(first.invariants()).as("a shard leaves the invariants to the combination").isEmpty();
        agreesWithGatling(first);
        agreesWithGatling(second);

        ProjectScript.Result combine = script("combine_shards.sh", settings(), List.of("--output",
                dir.resolve("combined.json").toString(), dir.resolve("shard-0.json").toString(),
                dir.resolve("shard-1.json").toString()));
        assertThat(combine.exitCode()).as(combine.output()).isZero();
        assertThat(STACK.contractTables()).as("every table restored exactly, once").isEqualTo(before);

        RunResults combined = RunResults.read(dir.resolve("combined.json"));
        assertThat(combined.summary().totalRequests())
                .isEqualTo(first.summary().totalRequests() + second.summary().totalRequests());
        assertThat(combined.summary().failedRequests())
                .isEqualTo(first.summary().failedRequests() + second.summary().failedRequests());
        combined.summary().scenarioOutcomes().forEach((outcome, count) -> assertThat(count).as(outcome)
                .isEqualTo(first.summary().outcome(outcome) + second.summary().outcome(outcome)));
        combined.endpoints().forEach((name, endpoint) -> assertThat(endpoint.total()).as(name)
                .isEqualTo(first.endpoints().get(name).total() + second.endpoints().get(name).total()));
        assertThat(combined.invariants()).isNotEmpty().allSatisfy(invariant -> assertThat(invariant.passed())
                .as(invariant.detail()).isTrue());
        assertThat(combined.testData().restoredExactly()).isTrue();
        assertThat(combined.assertions()).isNotEmpty();

        List<Long> union = new ArrayList<>(responseTimes(first));
        union.addAll(responseTimes(second));
        assertThat((long) union.size()).isEqualTo(combined.summary().totalRequests());
        union.sort(null);
        for (double percent : new double[] {50, 75, 95, 99}) {
            long exact = nearestRank(union, percent);
            long fromHistograms = LatencyHistograms.percentile(combined.latencyHistograms().allHistogram(), percent);
            assertThat(fromHistograms).as("p" + percent).isBetween(exact, exact + exact / 1000);
        }
        assertThat(Files.readString(dir.resolve("combined.html"))).contains("id=\"locker-rush\"")
                .contains("Database invariants after the run");
    }

    @Test
    void aShardKilledHalfwayLosesNothingAndTheCombinationRestoresExactly() throws Exception {
        Map<String, List<String>> before = STACK.contractTables();
        assertThat(script("seed_test_data.sh", settings(), List.of()).exitCode()).isZero();
        // students who think for 20 s: killed while they hold their lockers
        GatlingFork.Started killed = GatlingFork.start(LockerReservationSimulation.class, dir.resolve("gatling-1"),
                settings("SHARD_INDEX", "1", "EXTERNAL_TEST_DATA", "true", "USER_THINK_TIME_MIN", "20",
                        "USER_THINK_TIME_MAX", "20", "RESULTS_FILENAME", dir.resolve("shard-1.json").toString()));
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (heldTestLockers() == 0 && System.nanoTime() < deadline && killed.process().isAlive()) {
                Thread.sleep(200);
            }
            assertThat(heldTestLockers()).as(killed.output()).isPositive();
        } finally {
            killed.process().destroyForcibly().waitFor();
        }
        assertThat(STACK.contractTables()).as("the killed shard's students hold lockers").isNotEqualTo(before);

        GatlingFork.Result survivor = GatlingFork.run(LockerReservationSimulation.class, dir.resolve("gatling-0"),
                settings("SHARD_INDEX", "0", "EXTERNAL_TEST_DATA", "true",
                        "RESULTS_FILENAME", dir.resolve("shard-0.json").toString()));
        assertThat(survivor.exitCode()).as(survivor.output()).isZero();

        ProjectScript.Result combine = script("combine_shards.sh", settings(), List.of("--output",
                dir.resolve("combined.json").toString(), dir.resolve("shard-0.json").toString()));
        assertThat(combine.exitCode()).as(combine.output()).isZero();
        assertThat(combine.output()).contains("no results file for shard(s) [1] of 2")
                .contains("confirmed_count_matches not checked");
        assertThat(STACK.contractTables()).as("every table restored exactly").isEqualTo(before);
        RunResults combined = RunResults.read(dir.resolve("combined.json"));
        assertThat(combined.config().settings().get("shards_missing")).isEqualTo(List.of(1));
        assertThat(combined.invariants()).isNotEmpty().allSatisfy(invariant -> assertThat(invariant.passed()).isTrue());
    }

    private long heldTestLockers() throws SQLException {
        try (Connection c = STACK.stack().openConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM locker_assignments a JOIN users u"
                     + " ON u.serial_id = a.user_serial_id WHERE a.state = 'hold' AND u.student_id LIKE '99000000%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Gatling's percentiles (the report's, from its t-digest) lie within 2 ranks or 2 % of the requests, whichever is
     * more, of the exact ones the histograms give, each to the histograms' 0.1 %: the precision docs/sharded-runs.md
     * states.
     */
    private static void agreesWithGatling(RunResults run) {
        Histogram all = run.latencyHistograms().allHistogram();
        RunResults.Summary summary = run.summary();
        double[][] percentiles = {{50, summary.medianResponseTime()}, {75, summary.p75ResponseTime()},
                {95, summary.p95ResponseTime()}, {99, summary.p99ResponseTime()}};
        for (double[] percentile : percentiles) {
            withinGatlingsPrecision(all, percentile[0], Math.round(percentile[1] * 1000), "all requests");
        }
        run.endpoints().forEach((name, endpoint) -> withinGatlingsPrecision(run.latencyHistograms().endpoint(name), 95,
                Math.round(endpoint.p95ResponseTime() * 1000), name));
    }

    private static void withinGatlingsPrecision(Histogram histogram, double percent, long gatling, String what) {
        long count = histogram.getTotalCount();
        long rank = Math.max(1, (long) Math.ceil(percent / 100 * count));
        long ranks = Math.max(2, (long) Math.ceil(count * 0.02));
        long below = valueAtRank(histogram, Math.max(1, rank - ranks));
        long above = valueAtRank(histogram, Math.min(count, rank + ranks));
        assertThat(gatling).as(what + " p" + percent + " (Gatling) against the recorded values " + ranks
                + " ranks either side of rank " + rank + " of " + count).isBetween(below - below / 1000, above + above / 1000);
    }

    /** The recorded value of {@code rank} (from 1) in ascending order. */
    private static long valueAtRank(Histogram histogram, long rank) {
        return histogram.getValueAtPercentile(100.0 * (rank - 0.5) / histogram.getTotalCount());
    }

    /** The smallest recorded value at or below which {@code percent} of them lie. */
    static long nearestRank(List<Long> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    private static List<Long> responseTimes(RunResults run) {
        return run.detailedResults().stream().map(request -> Math.round(request.responseTime() * 1000)).toList();
    }

    private Map<String, Integer> loginsPerTestStudent() throws SQLException {
        Map<String, Integer> logins = new HashMap<>();
        try (Connection c = STACK.stack().openConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT u.student_id, count(t.id) FROM users u LEFT JOIN auth_refresh_tokens t"
                     + " ON t.user_serial_id = u.serial_id WHERE u.student_id LIKE '99000000%' GROUP BY u.student_id")) {
            while (rows.next()) {
                logins.put(rows.getString(1), rows.getInt(2));
            }
        }
        return logins;
    }

    private ProjectScript.Result script(String script, Map<String, String> settings, List<String> arguments)
            throws IOException, InterruptedException {
        return ProjectScript.run(script, arguments, ProjectScript.onTestClasspath(settings), dir.resolve(script + ".log"),
                Duration.ofMinutes(3));
    }
}
