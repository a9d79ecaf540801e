package locker.testsupport.testdata;

import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import locker.testdata.PhaseHook;
import locker.testdata.SeedResult;
import locker.testdata.TestData;

import java.util.List;

/**
 * A stand-in for the load test in its own JVM, for crash tests: seed, a small load, restore. It prints
 * {@code phase: <name>} at each point a crash test kills it (inside the seed transaction, after the
 * load, inside the restore transaction) and waits forever at the phase named by its first argument.
 * Settings: DB_*, REDIS_*, BASE_URL, TOTAL_USERS, STUDENT_ID_START, TEST_LOCKERS_COUNT.
 */
public final class LoadTestStandIn {
    private LoadTestStandIn() {}

    public static void main(String[] args) throws InterruptedException {
        String pauseAt = args.length > 0 ? args[0] : "";
        SettingSource settings = SettingSource.standard();
        PhaseHook hook = phase -> {
            System.out.println("phase: " + phase);
            System.out.flush();
            if (phase.equals(pauseAt)) {
                sleepForever();
            }
        };
        LoadTestConfig config = LoadTestConfig.from(settings);
        TestData data = TestData.connect(config.database, config.redis, hook);
        SeedResult seeded = data.seed(config.seedPlan(config.totalUsers));
        List<String> unexpected = new SmallLoad(config.baseUrl.orElseThrow()).run(seeded.users(),
                seeded.testLockerIds(), RealLookingData.FREE_FOR_TEST_USERS, data::recordAccessToken);
        if (!unexpected.isEmpty()) {
            System.out.println("unexpected answers: " + unexpected);
        }
        data.flushTokenLedger();
        hook.reached("load");
        data.restore();
        hook.reached("done");
        data.close();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
