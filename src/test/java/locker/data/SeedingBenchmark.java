package locker.data;

import locker.config.SettingSource;
import locker.stack.EmbeddedStack;

import java.util.List;
import java.util.Properties;

/**
 * {@code scripts/benchmark-seeding.sh}: seeds and restores 1,000 and 100,000 users (150 test lockers)
 * in the embedded stack's PostgreSQL and prints the timings. Each size runs twice; the second is the
 * steady state (the first also pays for JIT and Flyway's first migration).
 */
public final class SeedingBenchmark {
    private static final List<Integer> SIZES = List.of(1_000, 100_000);
    private static final int LOCKERS = SeedPlan.DEFAULT_TEST_LOCKERS_COUNT;

    private SeedingBenchmark() {}

    public static void main(String[] args) {
        try (EmbeddedStack stack = EmbeddedStack.start()) {
            SettingSource settings = new SettingSource(name -> null, stack.clientSettings(), new Properties());
            DbTarget db = DbTarget.fromSettings(settings);
            RedisTarget redis = RedisTarget.fromSettings(settings);
            StringBuilder table = new StringBuilder(String.format("%n%-8s %8s %8s %10s %12s%n",
                    "users", "lockers", "attempt", "seed ms", "restore ms"));
            for (int users : SIZES) {
                for (int attempt = 1; attempt <= 2; attempt++) {
                    try (TestData data = TestData.connect(db, redis)) {
                        SeedPlan plan = new SeedPlan(users, SeedPlan.DEFAULT_STUDENT_ID_START, LOCKERS);
                        long started = System.nanoTime();
                        data.seed(plan);
                        long seeded = System.nanoTime();
                        data.restore();
                        long restored = System.nanoTime();
                        table.append(String.format("%-8d %8d %8d %10d %12d%n", users, LOCKERS, attempt,
                                (seeded - started) / 1_000_000, (restored - seeded) / 1_000_000));
                    }
                }
            }
            System.out.println(table);
        }
    }
}
