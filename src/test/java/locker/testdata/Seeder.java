package locker.testdata;

import locker.config.SeedPlan;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Puts a run's test data in: ledger row, snapshot, users and lockers, in one transaction. */
final class Seeder {
    private static final int SHOWN_COLLISIONS = 5;
    private static final String COLLISIONS = "SELECT serial_id, student_id FROM public.users WHERE "
            + TestUser.studentIdBetween("student_id") + " OR serial_id = ANY (?) ORDER BY student_id LIMIT ?";

    private Seeder() {}

    /** Users (not test data of an unrestored run, which is restored first) with an id of the plan's range. */
    static List<String> collisions(Connection c, SeedPlan plan, List<TestUser> users) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(COLLISIONS)) {
            s.setLong(1, plan.studentIdStart());
            s.setLong(2, plan.studentIdEnd());
            s.setArray(3, c.createArrayOf("bigint", users.stream().map(TestUser::serialId).toArray()));
            s.setInt(4, SHOWN_COLLISIONS);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    found.add("student_id " + rows.getString("student_id") + " (serial_id " + rows.getLong("serial_id") + ")");
                }
            }
        }
        return found;
    }

    /** Seeds and commits; a crash before the commit leaves the database as it was. */
    static Seeding seed(Connection c, SeedPlan plan, List<TestUser> users, String seededBy, PhaseHook hook)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            long runId = SeedingLedger.open(c, plan, seededBy);
            copyUsers(c, runId, users);
            Integer firstLocker;
            try (PreparedStatement s = c.prepareStatement("SELECT loadtest.seed_run(?)")) {
                s.setLong(1, runId);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    firstLocker = (Integer) row.getObject(1);
                }
            }
            Seeding run = SeedingLedger.unrestored(c).orElseThrow();
            hook.reached("seed");
            c.commit();
            return new Seeding(runId, plan, firstLocker, seededBy, run.seededAt());
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void copyUsers(Connection c, long runId, List<TestUser> users) throws SQLException {
        StringBuilder csv = new StringBuilder(users.size() * 48);
        for (TestUser user : users) {
            csv.append(runId).append(',').append(user.serialId()).append(',').append(user.studentId()).append(',')
                    .append(quoted(user.name())).append(',').append(user.phoneNumber()).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY loadtest.run_users (run_id, serial_id, student_id, name, phone_number) FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("could not copy the test users", e);
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
