package locker.loadtest.simulation;

import locker.config.DbTarget;
import locker.config.RedisTarget;
import locker.config.SeedPlan;
import locker.loadtest.anomalies.AnomalyFinder;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.anomalies.Invariants;
import locker.loadtest.anomalies.LockerStateReader;
import locker.loadtest.anomalies.RecordedRequest;
import locker.loadtest.anomalies.StudentIdRange;
import locker.loadtest.contractcheck.ContractCast;
import locker.loadtest.results.ExitStatus;
import locker.testdata.RestoreFailedException;
import locker.testdata.RestoreMismatchException;
import locker.testdata.SeedResult;
import locker.testdata.TestData;
import locker.testdata.TestDataRefusedException;
import locker.testdata.TestDataSummary;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The run's test data in the target's database: seeded before the run (an earlier run left unrestored is restored
 * first), each access token the run receives noted for the restore, the invariants checked after the run and the
 * database restored (or kept, with KEEP_TEST_DATA). Without a database the run goes on without test data. With
 * EXTERNAL_TEST_DATA (one of several generators) the data was seeded once for all of them: this run joins it, notes its
 * tokens, and leaves the invariants and the restore to scripts/combine_shards.sh, which sees every generator's figures.
 */
final class TestDataLifecycle {
    static final String EXTERNAL_RESTORE = "seeded once for every generator (EXTERNAL_TEST_DATA): scripts/combine_shards.sh"
            + " checks the invariants and restores it after the last";

    private final SeedPlan plan;
    private final DbTarget database;
    private final RedisTarget redis;
    private final boolean keepTestData;
    private final boolean external;
    private volatile TestData testData;
    private volatile SeedResult seeded;

    TestDataLifecycle(SeedPlan plan, DbTarget database, RedisTarget redis, boolean keepTestData, boolean external) {
        this.plan = plan;
        this.database = database;
        this.redis = redis;
        this.keepTestData = keepTestData;
        this.external = external;
    }

    /**
     * EXTERNAL_TEST_DATA: joins the test data seeded once for every generator, before anything is sent; without it
     * the JVM ends with {@link ExitStatus#PREFLIGHT_FAILED}.
     */
    void joinExternal() {
        try {
            testData = TestData.attach(database, redis, plan);
        } catch (TestDataRefusedException e) {
            throw ExitStatus.PREFLIGHT_FAILED.exit(e.getMessage());
        }
    }

    SeedPlan plan() {
        return plan;
    }

    void seed() {
        if (external) {
            return;
        }
        testData = TestData.connect(database, redis);
        try {
            seeded = testData.seed(plan);
        } catch (TestDataRefusedException e) {
            throw ExitStatus.PREFLIGHT_FAILED.exit(e.getMessage());
        }
        seeded.earlierRun().ifPresent(report -> LoadTestRun.LOG.warn(
                "an earlier run had not been restored; restored it first: {}", report.summary()));
    }

    /** The contract check's cast from the seeded test data; its first student is made a newcomer. */
    ContractCast contractCast() {
        SeedResult result = seeded;
        if (result == null || !result.dbConnected()) {
            throw new IllegalStateException("the contract check needs the database for test lockers of its own");
        }
        ContractCast cast = ContractCast.of(result.users(), result.firstTestLockerId(), result.testLockers());
        testData.forgetUser(cast.newcomer());
        return cast;
    }

    void recordAccessToken(String accessToken) {
        TestData data = testData;
        if (data != null) {
            data.recordAccessToken(accessToken);
        }
    }

    boolean connected() {
        return testData != null && testData.isConnected();
    }

    /** The invariants over the database; {@code confirmedNow} is the run's confirms minus its releases. */
    List<InvariantResult> checkInvariants(long confirmedNow) {
        if (external) {
            return List.of();
        }
        try (Connection c = database.connect("locker-loadtest invariants")) {
            return Invariants.check(c, confirmedNow, new StudentIdRange(plan.studentIdStart(), plan.studentIdEnd()));
        } catch (SQLException e) {
            LoadTestRun.LOG.warn("invariants not checked: {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * The run's anomalies with their evidence, read from the database and Redis while they still hold the run's
     * state (before the restore); without a database, the anomalies the journal shows, without that state.
     */
    AnomalyReport findAnomalies(List<RecordedRequest> requests, List<InvariantResult> invariants) {
        if (connected()) {
            try (Connection c = database.connect("locker-loadtest anomalies"); Jedis jedis = redisOrNull()) {
                return AnomalyFinder.find(requests, invariants, new LockerStateReader(c, jedis));
            } catch (SQLException e) {
                LoadTestRun.LOG.warn("anomalies reported without the database's state: {}", e.getMessage());
            }
        }
        return AnomalyFinder.find(requests, invariants);
    }

    private Jedis redisOrNull() {
        Optional<Jedis> jedis = redis.connectIfAnswering();
        if (jedis.isEmpty()) {
            LoadTestRun.LOG.warn("anomalies reported without the hold keys: Redis at {} did not answer", redis);
        }
        return jedis.orElse(null);
    }

    /**
     * Restores the database (or keeps the test data, with KEEP_TEST_DATA) and closes the connections; returns the
     * test-data section of the results. A restore that failed, or found rows changed by others, is recorded there
     * (the results export then ends the run with {@link ExitStatus#RESTORE_INCOMPLETE}), its message on the console.
     */
    TestDataSummary restore() {
        TestDataSummary summary = TestDataSummary.of(plan);
        try {
            if (external) {
                summary = summary.kept(EXTERNAL_RESTORE);
            } else if (testData != null && keepTestData && testData.isConnected()) {
                summary = summary.kept("kept for inspection (KEEP_TEST_DATA): scripts/restore.sh or the next run"
                        + " removes it");
                LoadTestRun.LOG.warn("test data kept (KEEP_TEST_DATA); scripts/restore.sh or the next run removes it");
            } else if (testData != null) {
                summary = summary.restored(testData.restore());
            }
        } catch (RestoreMismatchException e) {
            summary = summary.failedToRestore(e.report());
        } catch (RestoreFailedException e) {
            LoadTestRun.LOG.error(e.getMessage());
            summary = summary.failedToRestore(e.getMessage());
        } finally {
            if (testData != null) {
                testData.close();
            }
        }
        return summary;
    }
}
