package locker.loadtest.anomalies;

import locker.testdata.TestUser;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The database facts a correct server keeps whatever the load: checked after a run. Each check is a query
 * listing the offending rows, so a violation names them. The deployed database may lack the unique
 * indexes of the reference schema, which is why the checks do not rely on them.
 */
public final class Invariants {
    private static final int EXAMPLES = 5;
    /** The check that the test users' lockers equal the run's confirms minus its releases. */
    public static final String CONFIRMED_COUNT = "confirmed_count_matches";

    private Invariants() {}

    /** A check whose query lists each offender as its locker and its user's serial id, either of them null. */
    private record Check(String name, String description, String offendersSql) {}

    private static final List<Check> CHECKS = List.of(
            new Check("one_owner_per_locker", "no locker has two owners",
                    "SELECT locker_id, NULL::bigint FROM locker_assignments WHERE state = 'confirmed' "
                            + "GROUP BY locker_id HAVING count(DISTINCT user_serial_id) > 1"),
            new Check("one_locker_per_user", "no user owns two lockers",
                    "SELECT NULL::int, owner_serial_id FROM locker_info WHERE owner_serial_id IS NOT NULL "
                            + "GROUP BY owner_serial_id HAVING count(*) > 1"),
            new Check("one_active_assignment_per_locker", "no locker has two active (hold or confirmed) assignment rows",
                    "SELECT locker_id, NULL::bigint FROM locker_assignments WHERE state IN ('hold', 'confirmed') "
                            + "GROUP BY locker_id HAVING count(*) > 1"),
            new Check("one_active_assignment_per_user", "no user has two active (hold or confirmed) assignment rows",
                    "SELECT NULL::int, user_serial_id FROM locker_assignments WHERE state IN ('hold', 'confirmed') "
                            + "GROUP BY user_serial_id HAVING count(*) > 1"),
            new Check("owner_has_confirmed_row", "every locker_info owner has a matching confirmed assignment row",
                    "SELECT i.locker_id, i.owner_serial_id FROM locker_info i WHERE i.owner_serial_id IS NOT NULL "
                            + "AND NOT EXISTS (SELECT 1 FROM locker_assignments a WHERE a.locker_id = i.locker_id "
                            + "AND a.user_serial_id = i.owner_serial_id AND a.state = 'confirmed')"),
            new Check("confirmed_row_has_owner", "every confirmed assignment row is its locker's owner in locker_info",
                    "SELECT a.locker_id, a.user_serial_id FROM locker_assignments a WHERE a.state = 'confirmed' "
                            + "AND NOT EXISTS (SELECT 1 FROM locker_info i WHERE i.locker_id = a.locker_id "
                            + "AND i.owner_serial_id = a.user_serial_id)"));

    private static final String CONFIRMED_TEST_LOCKERS = "SELECT count(*) FROM locker_info i "
            + "JOIN users u ON u.serial_id = i.owner_serial_id "
            + "WHERE " + TestUser.studentIdBetween("u.student_id");

    /**
     * Runs every check. {@code confirmedExpected} is the run's successful confirms minus its releases; it is
     * compared with the number of lockers owned by {@code testUsers}.
     */
    public static List<InvariantResult> check(Connection connection, long confirmedExpected, StudentIdRange testUsers)
            throws SQLException {
        List<InvariantResult> results = new ArrayList<>();
        for (Check check : CHECKS) {
            results.add(run(connection, check));
        }
        results.add(confirmedCount(connection, confirmedExpected, testUsers));
        return results;
    }

    private static InvariantResult run(Connection connection, Check check) throws SQLException {
        List<String> offenders = new ArrayList<>();
        List<Integer> lockers = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(check.offendersSql() + " ORDER BY 1, 2");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Integer locker = (Integer) rows.getObject(1);
                Long user = (Long) rows.getObject(2);
                offenders.add(locker == null ? String.valueOf(user) : user == null ? String.valueOf(locker)
                        : locker + ":" + user);
                if (offenders.size() <= InvariantResult.OFFENDERS_KEPT) {
                    if (locker != null) {
                        lockers.add(locker);
                    }
                    if (user != null) {
                        users.add(user);
                    }
                }
            }
        }
        String detail = offenders.isEmpty() ? "none"
                : offenders.size() + " offending: " + String.join(", ", offenders.subList(0, Math.min(EXAMPLES, offenders.size())))
                        + (offenders.size() > EXAMPLES ? ", ..." : "");
        return new InvariantResult(check.name(), check.description(), offenders.isEmpty(), offenders.size(), detail,
                lockers, users);
    }

    private static InvariantResult confirmedCount(Connection connection, long expected, StudentIdRange testUsers)
            throws SQLException {
        long actual;
        try (PreparedStatement statement = connection.prepareStatement(CONFIRMED_TEST_LOCKERS)) {
            statement.setLong(1, testUsers.first());
            statement.setLong(2, testUsers.last());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                actual = rows.getLong(1);
            }
        }
        return new InvariantResult(CONFIRMED_COUNT,
                "lockers owned by test users (student ids " + testUsers.first() + ".." + testUsers.last()
                        + ") equal successful confirms minus releases",
                actual == expected, Math.abs(actual - expected), "expected " + expected + ", found " + actual);
    }
}
