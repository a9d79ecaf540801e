package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.bench.Goal.Limit;
import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.SettingSource;
import locker.loadtest.results.TextTable;
import locker.testdata.TestData;
import locker.twin.stack.EmbeddedStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static locker.bench.BenchmarkReport.number;

/**
 * {@code scripts/benchmark-seeding.sh} (and a row of {@code scripts/benchmark.sh}): seeds and restores 1,000
 * and 100,000 users (150 test lockers) in the embedded stack's PostgreSQL and prints the timings. Each size
 * runs twice; the second is the steady state (the first also pays for JIT and Flyway's first migration).
 * Seed time counts {@code TestData.seed} (schema check, collision check, snapshot, COPY, inserts, commit);
 * restore time counts {@code TestData.restore} (Redis, deletes, comparison of every table with its snapshot).
 */
public final class SeedingBenchmark {
    public static final List<Integer> SIZES = List.of(1_000, 100_000);
    private static final int LOCKERS = LoadTestConfig.DEFAULT_TEST_LOCKERS_COUNT;
    private static final int ATTEMPTS = 2;

    /** One seed and restore. */
    public record Timing(int users, int lockers, int attempt, double seedSeconds, double restoreSeconds) {}

    private SeedingBenchmark() {}

    public static void main(String[] args) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("users", "lockers", "attempt", "seed ms", "restore ms"));
        for (Timing t : measure(SIZES)) {
            table.add(List.of(String.valueOf(t.users()), String.valueOf(t.lockers()), String.valueOf(t.attempt()),
                    String.format(Locale.ROOT, "%.0f", t.seedSeconds() * 1000),
                    String.format(Locale.ROOT, "%.0f", t.restoreSeconds() * 1000)));
        }
        System.out.println("\n" + TextTable.align(table));
    }

    /** The benchmark's rows: the slower attempt of each size, seed and restore each under the size's goal. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        BenchmarkRuns.say("seeding and restoring " + SIZES + " users");
        List<Timing> timings = measure(SIZES);
        for (int users : SIZES) {
            List<Timing> ofSize = timings.stream().filter(t -> t.users() == users).toList();
            double seed = ofSize.stream().mapToDouble(Timing::seedSeconds).max().orElseThrow();
            double restore = ofSize.stream().mapToDouble(Timing::restoreSeconds).max().orElseThrow();
            Goal<Double> goal = Goal.of(Limit.below("", users <= 1_000 ? 1 : 10, v -> number(v, 0) + " s each",
                    Double::doubleValue));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attempts", ofSize);
            rows.add(new Row("seed / restore " + number(users, 0) + " users + " + LOCKERS + " lockers", goal.text(),
                    "seed " + number(seed, 3) + " s, restore " + number(restore, 3) + " s (slower of " + ofSize.size()
                            + ")", goal.metBy(Math.max(seed, restore)), "scripts/benchmark-seeding.sh", details));
        }
        return rows;
    }

    /** Seeds and restores each size {@value #ATTEMPTS} times in a new embedded stack. */
    public static List<Timing> measure(List<Integer> sizes) {
        List<Timing> timings = new ArrayList<>();
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            LoadTestConfig config = LoadTestConfig.from(
                    new SettingSource(name -> null, stack.clientSettings(), new Properties()));
            for (int users : sizes) {
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    try (TestData data = TestData.connect(config.database, config.redis)) {
                        SeedPlan plan = new SeedPlan(users, LoadTestConfig.DEFAULT_STUDENT_ID_START, LOCKERS);
                        long started = System.nanoTime();
                        data.seed(plan);
                        long seeded = System.nanoTime();
                        data.restore();
                        long restored = System.nanoTime();
                        timings.add(new Timing(users, LOCKERS, attempt, (seeded - started) / 1e9, (restored - seeded) / 1e9));
                    }
                }
            }
        }
        return timings;
    }
}
