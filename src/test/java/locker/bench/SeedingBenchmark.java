package locker.bench;

import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.SettingSource;
import locker.testdata.TestData;
import locker.twin.stack.EmbeddedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code scripts/benchmark-seeding.sh} (and a row of {@code scripts/benchmark.sh}): seeds and restores 1,000
 * and 100,000 users (150 test lockers) in the embedded stack's PostgreSQL and prints the timings. Each size
 * runs twice; the second is the steady state (the first also pays for JIT and Flyway's first migration).
 * Seed time counts {@code TestData.seed} (schema check, collision check, snapshot, COPY, inserts, commit);
 * restore time counts {@code TestData.restore} (Redis, deletes, comparison of every table with its snapshot).
 */
public final class SeedingBenchmark {
    public static final List<Integer> SIZES = List.of(1_000, 100_000);
    private static final int LOCKERS = locker.config.LoadTestConfig.DEFAULT_TEST_LOCKERS_COUNT;
    private static final int ATTEMPTS = 2;

    /** One seed and restore. */
    public record Timing(int users, int lockers, int attempt, double seedSeconds, double restoreSeconds) {}

    private SeedingBenchmark() {}

    public static void main(String[] args) {
        StringBuilder table = new StringBuilder(String.format("%n%-8s %8s %8s %10s %12s%n",
                "users", "lockers", "attempt", "seed ms", "restore ms"));
        for (Timing t : measure(SIZES)) {
            table.append(String.format("%-8d %8d %8d %10.0f %12.0f%n", t.users(), t.lockers(), t.attempt(),
                    t.seedSeconds() * 1000, t.restoreSeconds() * 1000));
        }
        System.out.println(table);
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
                        SeedPlan plan = new SeedPlan(users, locker.config.LoadTestConfig.DEFAULT_STUDENT_ID_START, LOCKERS);
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
