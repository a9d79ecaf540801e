package locker.loadtest.simulation;

import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.RunTimeline;
import locker.testdata.SeedResult;
import locker.testdata.TestData;
import locker.testdata.TestDataRefusedException;

/**
 * {@code scripts/seed_test_data.sh}: seeds the test data once for several load generators (shards) of one run against
 * BASE_URL: TOTAL_USERS test students from STUDENT_ID_START and TEST_LOCKERS_COUNT test lockers, after the same
 * pre-flight and contract check a run makes. It leaves the seeding in the ledger; the generators run with
 * EXTERNAL_TEST_DATA=true and the same settings, and {@code scripts/combine_shards.sh} checks and restores after the
 * last ({@code scripts/restore.sh} restores after any crash). Exit status: 0 seeded, 2 bad settings, 7 the target
 * failed its pre-flight or the seeding was refused (nothing seeded), 8 the contract check failed.
 */
public final class SeedForShards {
    private SeedForShards() {}

    public static void main(String[] args) {
        // the generators' settings, which say EXTERNAL_TEST_DATA=true (or are refused), are this command's too
        LoadTestConfig config = LoadTestRun.settingsOrExit(SettingSource.standard().with("EXTERNAL_TEST_DATA", "true"));
        try (Target target = Target.start(config, true, new RunTimeline());
             TestData data = TestData.connect(target.database(), target.redis())) {
            SeedResult seeded = data.seed(config.seedPlan(config.totalUsers));
            System.out.println("seeded once for " + config.shard.count() + " generator(s) as run #" + seeded.runId()
                    + ". Start each with BASE_URL=" + config.baseUrl.orElseThrow() + " EXTERNAL_TEST_DATA=true SHARD_COUNT="
                    + config.shard.count() + " SHARD_INDEX=<0.." + (config.shard.count() - 1) + "> and the same"
                    + " TOTAL_USERS, STUDENT_ID_START and TEST_LOCKERS_COUNT; after the last, scripts/combine_shards.sh"
                    + " <their results files> checks the invariants and restores.");
        } catch (TestDataRefusedException | IllegalStateException e) {
            throw ExitStatus.PREFLIGHT_FAILED.exit("nothing seeded: " + e.getMessage());
        }
        System.exit(0);
    }
}
