package locker.testdata;

import locker.config.RedisTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Takes a run's test data out (Redis first, then the database in one transaction) and compares every
 * contract table with the run's snapshot. Every step only removes what is test data, so it can run
 * again after a crash at any point.
 */
final class Restorer {
    private static final String HELD_LOCKERS = """
            SELECT DISTINCT locker_id FROM public.locker_assignments
            WHERE state IN ('hold', 'confirmed')
              AND user_serial_id IN (SELECT serial_id FROM loadtest.run_users WHERE run_id = ?)""";

    private Restorer() {}

    static RestoreReport restore(Connection c, Seeding run, RedisTarget redis, PhaseHook hook) throws SQLException {
        RedisCleanup.Outcome redisOutcome = RedisCleanup.clean(redis, run, SeedingLedger.testSerialIds(c, run.id()),
                SeedingLedger.tokenIds(c, run.id()), SeedingLedger.ofRun(c, HELD_LOCKERS, run.id(), row -> row.getLong(1)));
        c.setAutoCommit(false);
        try {
            RemovedRows removed = removeTestData(c, run.id());
            RestoreReport report = RestoreReport.restored(run.id(), removed, SnapshotComparison.compare(c, run.id()),
                    redisOutcome.summary(), redisOutcome.keysLeft());
            SeedingLedger.close(c, run.id(), report.exact(), report.describe());
            hook.reached("restore");
            c.commit();
            return report;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static RemovedRows removeTestData(Connection c, long runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM loadtest.remove_run(?)")) {
            s.setLong(1, runId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new RemovedRows(row.getLong("owners_cleared"), row.getLong("assignments_deleted"),
                        row.getLong("refresh_tokens_deleted"), row.getLong("users_deleted"), row.getLong("lockers_deleted"));
            }
        }
    }
}
