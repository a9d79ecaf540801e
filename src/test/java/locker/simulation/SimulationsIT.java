package locker.simulation;

import locker.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the simulations against one embedded stack, each in its own JVM, then looks at the database
 * behind the API's back.
 */
class SimulationsIT {
    private static final Pattern OUTCOMES = Pattern.compile("outcomes: \\{([^}]*)}");
    private static EmbeddedStack stack;

    @TempDir
    Path results;

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    private Map<String, String> settings(String... pairs) {
        Map<String, String> settings = new HashMap<>(stack.clientSettings());
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void theRushLeavesOneOwnerPerLockerAndTheConfirmsInTheDatabase() throws Exception {
        GatlingProcess.Result run = GatlingProcess.run(LockerReservationSimulation.class, settings(
                "TOTAL_USERS", "80", "CONCURRENT_USERS", "40", "STUDENT_ID_START", "30001000",
                "USER_THINK_TIME_MIN", "0.05", "USER_THINK_TIME_MAX", "0.2", "MIN_THROUGHPUT", "0"), results);

        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, Long> outcomes = outcomes(run.output());
        try (Connection db = stack.openConnection()) {
            long ownedByRun = count(db, "SELECT count(*) FROM locker_info WHERE owner_student_id LIKE '3000%'");
            long confirmedByRun = count(db, """
                    SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                    WHERE a.state = 'confirmed' AND u.student_id LIKE '3000%'""");
            assertThat(ownedByRun).isEqualTo(outcomes.get("confirmed")).isEqualTo(confirmedByRun);
            assertThat(outcomes.get("ownership_verified")).isEqualTo(outcomes.get("confirmed"));
            assertThat(outcomes.get("ownership_mismatched")).isZero();
            assertThat(outcomes.get("holds_won")).isEqualTo(outcomes.get("confirmed") + outcomes.get("given_up"));
            assertThat(count(db, """
                    SELECT count(*) FROM (SELECT owner_serial_id FROM locker_info WHERE owner_serial_id IS NOT NULL
                                          GROUP BY owner_serial_id HAVING count(*) > 1) twice""")).isZero();
            assertThat(count(db, """
                    SELECT count(*) FROM (SELECT locker_id FROM locker_assignments WHERE state IN ('hold', 'confirmed')
                                          GROUP BY locker_id HAVING count(*) > 1) twice""")).isZero();
            // given-up holds were deleted, so no hold row of the run is left
            assertThat(count(db, """
                    SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                    WHERE a.state = 'hold' AND u.student_id LIKE '3000%'""")).isZero();
        }
        assertThat(run.output()).contains("User 1: Starting scenario", "Login successful", "Attempting to hold locker");
    }

    @Test
    void exactlyOneRacerWinsTheLocker() throws Exception {
        GatlingProcess.Result run = GatlingProcess.run(LockerRaceSimulation.class, settings(
                "RACE_USERS", "10", "STUDENT_ID_START", "30002000"), results);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("POST /lockers/{id}/hold: count of all events is 10.0 : true")
                .contains("POST /lockers/{id}/confirm: count of all events is 1.0 : true");
        try (Connection db = stack.openConnection()) {
            // the winner confirmed and gave the locker back: one cancelled row, nothing active
            assertThat(count(db, """
                    SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                    WHERE a.state = 'cancelled' AND u.student_id LIKE '30002%'""")).isEqualTo(1);
            assertThat(count(db, """
                    SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                    WHERE a.state IN ('hold', 'confirmed') AND u.student_id LIKE '30002%'""")).isZero();
        }
    }

    @Test
    void theSmokeRunTakesOneStudentThroughEveryStepAndBack() throws Exception {
        GatlingProcess.Result run = GatlingProcess.run(SmokeSimulation.class, settings(
                "STUDENT_ID_START", "30004000"), results);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("count of failed events is 0.0 : true");
        try (Connection db = stack.openConnection()) {
            assertThat(count(db, """
                    SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                    WHERE a.state = 'cancelled' AND u.student_id = '30004000'""")).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM locker_info WHERE owner_student_id = '30004000'")).isZero();
        }
    }

    @Test
    void aBadSettingStopsTheRunBeforeAnythingStarts() throws Exception {
        GatlingProcess.Result run = GatlingProcess.run(LockerReservationSimulation.class, settings(
                "CONFIRMATION_RATE", "2", "STUDENT_ID_START", "30003000"), results);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("CONFIRMATION_RATE must be a number from 0.0 to 1.0, was '2'");
        try (Connection db = stack.openConnection()) {
            assertThat(count(db, "SELECT count(*) FROM users WHERE student_id LIKE '30003%'")).isZero();
        }
    }

    private static Map<String, Long> outcomes(String output) {
        Matcher matcher = OUTCOMES.matcher(output);
        assertThat(matcher.find()).as("outcomes line in:\n" + output).isTrue();
        Map<String, Long> outcomes = new HashMap<>();
        for (String pair : matcher.group(1).split(", ")) {
            String[] kv = pair.split("=");
            outcomes.put(kv[0], Long.parseLong(kv[1]));
        }
        return outcomes;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
