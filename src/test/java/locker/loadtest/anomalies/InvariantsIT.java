package locker.loadtest.anomalies;

import locker.testsupport.StackExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Invariants} against the embedded stack's database, each case crafted in a transaction rolled back after it. */
class InvariantsIT {
    private static final StudentIdRange TEST_USERS = new StudentIdRange(20231000L, 20231999L);

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();
    private Connection connection;

    @BeforeEach
    void openTransaction() throws SQLException {
        connection = STACK.stack().openConnection();
        connection.setAutoCommit(false);
        sql("INSERT INTO users (serial_id, student_id, name, phone_number) VALUES "
                + "(1, '20231001', 'Test One', '01000000001'), (2, '20231002', 'Test Two', '01000000002'), "
                + "(3, '20231003', 'Test Three', '01000000003'), (9, '2019123456', 'Real Student', '01099999999')");
    }

    @AfterEach
    void rollBack() throws SQLException {
        connection.rollback();
        connection.close();
    }

    @Test
    void anEmptyRunKeepsEveryInvariant() throws SQLException {
        assertThat(failed(0)).isEmpty();
        assertThat(Invariants.check(connection, 0, TEST_USERS)).hasSize(7).allMatch(InvariantResult::passed);
    }

    @Test
    void consistentOwnershipKeepsEveryInvariant() throws SQLException {
        confirm(101, 1);
        confirm(102, 2);
        confirm(103, 9); // a real student's locker is not the test's
        sql("INSERT INTO locker_assignments (locker_id, user_serial_id, state) VALUES (104, 3, 'hold'), (101, 3, 'cancelled')");
        assertThat(failed(2)).isEmpty();
    }

    @Test
    void moreOrFewerConfirmedLockersThanConfirmsIsAViolation() throws SQLException {
        confirm(101, 1);
        assertThat(failed(2)).containsOnlyKeys("confirmed_count_matches")
                .containsEntry("confirmed_count_matches", "expected 2, found 1");
    }

    @Test
    void anOwnerWithoutConfirmedRowIsAViolation() throws SQLException {
        sql("UPDATE locker_info SET owner_serial_id = 1, owner_student_id = '20231001' WHERE locker_id = 101");
        assertThat(failed(1)).containsOnlyKeys("owner_has_confirmed_row")
                .containsEntry("owner_has_confirmed_row", "1 offending: 101:1");
    }

    @Test
    void aConfirmedRowWithoutOwnerIsAViolation() throws SQLException {
        sql("INSERT INTO locker_assignments (locker_id, user_serial_id, state) VALUES (101, 1, 'confirmed')");
        assertThat(failed(0)).containsOnlyKeys("confirmed_row_has_owner");
    }

    @Test
    void twoOwnersOrTwoActiveRowsOfOneLockerAreViolations() throws SQLException {
        sql("DROP INDEX uniq_active_assignment_per_locker");
        confirm(101, 1);
        sql("INSERT INTO locker_assignments (locker_id, user_serial_id, state) VALUES (101, 2, 'confirmed')");
        assertThat(failed(1)).containsOnlyKeys("one_owner_per_locker", "one_active_assignment_per_locker",
                "confirmed_row_has_owner");
    }

    @Test
    void oneUserWithTwoLockersOrTwoActiveRowsIsAViolation() throws SQLException {
        sql("DROP INDEX uniq_active_assignment_per_user");
        sql("ALTER TABLE locker_info DROP CONSTRAINT locker_info_owner_serial_id_key");
        confirm(101, 1);
        confirm(102, 1);
        assertThat(failed(2)).containsOnlyKeys("one_locker_per_user", "one_active_assignment_per_user");
    }

    private Map<String, String> failed(long confirmedExpected) throws SQLException {
        List<InvariantResult> results = Invariants.check(connection, confirmedExpected, TEST_USERS);
        return results.stream().filter(result -> !result.passed())
                .collect(Collectors.toMap(InvariantResult::name, InvariantResult::detail));
    }

    private void confirm(int locker, long user) throws SQLException {
        sql("INSERT INTO locker_assignments (locker_id, user_serial_id, state, confirmed_at) VALUES ("
                + locker + ", " + user + ", 'confirmed', now())");
        sql("UPDATE locker_info SET owner_serial_id = " + user + ", owner_student_id = "
                + "(SELECT student_id FROM users WHERE serial_id = " + user + ") WHERE locker_id = " + locker);
    }

    private void sql(String statement) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
