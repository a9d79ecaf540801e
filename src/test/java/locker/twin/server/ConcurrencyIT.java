package locker.twin.server;

import com.fasterxml.jackson.databind.JsonNode;
import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.testsupport.Race;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many students at once on the same lockers: the checks look at the database once the dust settles. The
 * deployed clean-up race (deployed-service.md §8 R1) may expire a fresh hold, so a winner's row may end
 * {@code expired} and its confirm or release-hold may find nothing; no locker and no student ever has two active
 * rows or owners.
 */
class ConcurrencyIT {
    private static final List<Integer> RACE_LOCKERS = List.of(301, 302, 303, 304, 401, 402, 403, 404, 501, 502);
    private static final int LOCKER_COUNT = 22;

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void fiftyStudentsHoldingTheSameLockerAtOnceLeaveExactlyOneHolder() throws InterruptedException {
        List<Session> sessions = newSessions(50);

        List<ApiResponse> answers = Race.run(sessions.stream()
                .<Callable<ApiResponse>>map(session -> () -> api.hold(session, 101))
                .toList());

        Map<Integer, Long> statusCounts = answers.stream()
                .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
        assertThat(statusCounts).isEqualTo(Map.of(201, 1L, 409, 49L));
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .allSatisfy(answer -> assertThat(answer.error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT));
        Session winner = sessions.get(answers.stream().map(ApiResponse::status).toList().indexOf(201));
        List<Map<String, Object>> rows = inspector.rows("SELECT user_serial_id, state::text AS state"
                + " FROM locker_assignments WHERE locker_id = 101");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("user_serial_id")).isEqualTo(winner.serialId());
        // "expired" when a loser's clean-up, having found no key before the winner's SET NX, ran after its INSERT (R1)
        assertThat(rows.get(0).get("state")).isIn("hold", "expired");
        assertThat(inspector.redisValue(RedisKeys.hold(101))).contains(Long.toString(winner.serialId()));
    }

    /**
     * Each of 200 students tries the 10 lockers in an order of its own until a hold succeeds; a winner
     * confirms, except every fourth, who lets the hold go so that the locker is raced for again.
     */
    @Test
    void twoHundredStudentsRacingForTenLockersNeverShareOne() throws InterruptedException {
        List<Session> sessions = newSessions(200);

        List<Outcome> outcomes = Race.run(IntStream.range(0, sessions.size())
                .<Callable<Outcome>>mapToObj(i -> () -> compete(sessions.get(i), i % 4 != 0, new Random(i)))
                .toList());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.unexpected()).isEmpty());
        Map<Integer, Long> confirmedByTest = new HashMap<>();
        outcomes.stream().filter(Outcome::confirmed)
                .forEach(outcome -> assertThat(confirmedByTest.put(outcome.lockerId(), outcome.session().serialId()))
                        .as("locker %d confirmed twice", outcome.lockerId()).isNull());
        assertThat(confirmedByTest).isNotEmpty();

        assertNoLockerOrStudentHasTwoActiveAssignments();
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE state = 'hold' AND locker_id = ANY (?)",
                (Object) RACE_LOCKERS.toArray(Integer[]::new))).isEmpty();
        Map<Integer, Long> confirmedRows = toLockerSerialMap(inspector.rows("""
                SELECT a.locker_id, a.user_serial_id AS serial_id FROM locker_assignments a
                WHERE a.state = 'confirmed'"""));
        Map<Integer, Long> owners = toLockerSerialMap(inspector.rows("""
                SELECT locker_id, owner_serial_id AS serial_id FROM locker_info WHERE owner_serial_id IS NOT NULL"""));
        assertThat(confirmedRows).isEqualTo(confirmedByTest);
        assertThat(owners).isEqualTo(confirmedByTest);
        assertThat(inspector.value("""
                SELECT count(*) FROM locker_info li JOIN users u ON u.serial_id = li.owner_serial_id
                WHERE li.owner_student_id <> u.student_id""")).isEqualTo(0L);

        JsonNode list = api.lockers(sessions.get(0).accessToken()).json();
        assertThat(list.path("available_count").asInt()).isEqualTo(LOCKER_COUNT - owners.size());
        Map<Integer, Long> listedOwners = new HashMap<>();
        list.path("lockers").forEach(locker -> {
            if (locker.has("owner_serial_id")) {
                listedOwners.put(locker.path("locker_id").asInt(), locker.path("owner_serial_id").asLong());
            }
        });
        assertThat(listedOwners).isEqualTo(confirmedByTest);
        outcomes.stream().filter(Outcome::confirmed).forEach(outcome -> assertThat(
                api.myLocker(outcome.session().accessToken()).json().path("locker").path("locker_id").asInt())
                .isEqualTo(outcome.lockerId()));
    }

    /** What one student of the race got: the locker it held last (0 for none) and any answer it should not have. */
    private record Outcome(Session session, int lockerId, boolean confirmed, List<String> unexpected) {}

    private Outcome compete(Session session, boolean confirms, Random random) {
        List<Integer> order = new ArrayList<>(RACE_LOCKERS);
        Collections.shuffle(order, random);
        List<String> unexpected = new ArrayList<>();
        for (int lockerId : order) {
            ApiResponse hold = api.hold(session, lockerId);
            if (hold.status() == 409 && List.of(LockerAnswer.ALREADY_HELD_TEXT, LockerAnswer.HOLD_FAILED_ON_DB_TEXT)
                    .contains(hold.error())) {
                continue;
            }
            if (hold.status() != 201) {
                unexpected.add("hold " + lockerId + ": " + hold);
                break;
            }
            ApiResponse next = confirms ? api.confirm(session, lockerId) : api.releaseHold(session, lockerId);
            // a hold expired by another student's clean-up in between (R1) is gone for its holder too
            boolean expiredByCleanUp = confirms
                    ? next.status() == 409 && LockerAnswer.HOLD_EXPIRED_TEXT.equals(next.error())
                    : next.status() == 404 && LockerAnswer.NO_HOLD_TEXT.equals(next.error());
            if (next.status() != 200 && !expiredByCleanUp) {
                unexpected.add((confirms ? "confirm " : "release-hold ") + lockerId + ": " + next);
            }
            return new Outcome(session, lockerId, confirms && next.status() == 200, unexpected);
        }
        return new Outcome(session, 0, false, unexpected);
    }

    private void assertNoLockerOrStudentHasTwoActiveAssignments() {
        for (String column : List.of("locker_id", "user_serial_id")) {
            assertThat(inspector.rows("SELECT " + column + " FROM locker_assignments"
                    + " WHERE state IN ('hold', 'confirmed') GROUP BY " + column + " HAVING count(*) > 1"))
                    .as("%s with two active assignments", column)
                    .isEmpty();
        }
    }

    private List<Session> newSessions(int count) {
        return IntStream.range(0, count).mapToObj(i -> api.newSession()).toList();
    }

    private static Map<Integer, Long> toLockerSerialMap(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.toMap(row -> (Integer) row.get("locker_id"),
                row -> (Long) row.get("serial_id")));
    }
}
