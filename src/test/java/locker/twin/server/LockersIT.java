package locker.twin.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.ForgedTokens;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /lockers/*} on a stack with the deployed settings, outcome by outcome (deployed-service.md §5.7-5.12),
 * with the deployed bodies byte for byte. Each test works on lockers of its own, so the tests do not see each
 * other's holds and owners.
 */
class LockersIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void holdAnswers201WithTheDeployedBodyAndKeepsTheHoldInRedisAndTheDatabase() {
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 101);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"message\":\"locker held successfully\",\"locker\":{\"locker_id\":101,"
                + "\"location_id\":\"정보관 B1 엘리베이터 옆1\"},\"expires_in\":\"1 minutes\"}");
        assertThat(inspector.redisValue(RedisKeys.hold(101))).contains(Long.toString(session.serialId()));
        assertThat(inspector.redisTtl(RedisKeys.hold(101))).isBetween(1L, 60L);
        assertThat(inspector.assignmentStates(session.serialId(), 101)).containsExactly("hold");
        assertThat(inspector.value("""
                SELECT hold_expires_at > now() AND hold_expires_at <= now() + interval '60 seconds'
                FROM locker_assignments WHERE locker_id = 101""")).isEqualTo(true);
        assertThat(inspector.lockerOwner(101).values()).containsOnlyNulls();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "101abc", "+", "99999999999999999999", "%D9%A1%D9%A0%D9%A1", "%2B101",
            "101%20"})
    void everyLockerActionAnswers400ToAnIdGosAtoiRefuses(String lockerId) {
        Session session = api.newSession();

        for (String action : List.of("hold", "confirm", "release-hold", "release")) {
            ApiResponse response = api.lockerAction(session.accessToken(), lockerId, action);
            assertThat(response.status()).as(action + " " + lockerId + ": " + response).isEqualTo(400);
            assertThat(response.error()).isEqualTo("Bad Request");
        }
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE user_serial_id = ?", session.serialId()))
                .isEmpty();
    }

    @Test
    void idsAreReadLikeGosAtoiWithASignAndLeadingZeros() {
        Session session = api.newSession();

        ApiResponse hold = api.hold(session, "+0602");

        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(hold.json().path("locker").path("locker_id").asInt()).isEqualTo(602);
        assertThat(inspector.redisValue(RedisKeys.hold(602))).contains(Long.toString(session.serialId()));
        assertThat(api.confirm(session, "0602").status()).isEqualTo(200);
        assertThat(api.release(session, "+602").status()).isEqualTo(200);
        assertThat(inspector.assignmentStates(session.serialId(), 602)).containsExactly("cancelled");
    }

    @Test
    void idsBeyondInt4ParseButFailInTheDatabaseAsDeployed() {
        Session session = api.newSession();

        ApiResponse hold = api.hold(session, "3000000000");
        ApiResponse negative = api.hold(session, "-5");

        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(3_000_000_000L))).isEmpty();
        assertThat(negative.status()).isEqualTo(409);
        assertThat(negative.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(-5))).isEmpty();
        ApiResponse confirm = api.confirm(session, "3000000000");
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        for (String action : List.of("release", "release-hold")) {
            ApiResponse response = api.lockerAction(session.accessToken(), "3000000000", action);
            assertThat(response.status()).as(action + ": " + response).isEqualTo(500);
            assertThat(response.error()).isEqualTo("Internal Server Error");
        }
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE user_serial_id = ?", session.serialId()))
                .isEmpty();
    }

    @Test
    void holdOfAHeldLockerAnswers409AlreadyHeldEvenToItsHolder() {
        Session holder = api.newSession();
        Session latecomer = api.newSession();
        assertThat(api.hold(holder, 102).status()).isEqualTo(201);

        ApiResponse response = api.hold(latecomer, 102);
        ApiResponse again = api.hold(holder, 102);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(102))).contains(Long.toString(holder.serialId()));
        assertThat(inspector.rows("SELECT user_serial_id, state::text AS state FROM locker_assignments"
                + " WHERE locker_id = 102")).containsExactly(Map.of("user_serial_id", holder.serialId(), "state", "hold"));
    }

    @Test
    void holdOfALockerThatDoesNotExistAnswersTheDbMessageAndDeletesTheRedisKeyAgain() {
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 999);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(999))).isEmpty();
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE user_serial_id = ?", session.serialId()))
                .isEmpty();
    }

    @Test
    void aStudentWithAnActiveHoldGetsTheDbMessageForASecondLocker() {
        Session session = api.newSession();
        assertThat(api.hold(session, 103).status()).isEqualTo(201);

        ApiResponse second = api.hold(session, 104);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(104))).isEmpty();
        assertThat(inspector.assignmentStates(session.serialId(), 104)).isEmpty();
        assertThat(api.hold(api.newSession(), 104).status()).isEqualTo(201);
    }

    @Test
    void confirmMakesTheHolderTheOwnerAndLeavesTheHoldKeyInPlace() {
        Session session = api.newSession();
        assertThat(api.hold(session, 105).status()).isEqualTo(201);

        ApiResponse response = api.confirm(session, 105);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"locker confirmed successfully\"}");
        assertThat(inspector.assignmentStates(session.serialId(), 105)).containsExactly("confirmed");
        assertThat(inspector.value("SELECT confirmed_at FROM locker_assignments WHERE locker_id = 105")).isNotNull();
        assertThat(inspector.lockerOwner(105)).isEqualTo(Map.of(
                "owner_student_id", session.student().studentId(), "owner_serial_id", session.serialId()));
        assertThat(inspector.redisValue(RedisKeys.hold(105))).contains(Long.toString(session.serialId()));

        assertThat(api.myLocker(session.accessToken()).body()).isEqualTo("{\"locker\":{\"locker_id\":105,"
                + "\"location_id\":\"정보관 B1 엘리베이터 옆2\",\"owner\":\"" + session.student().studentId() + "\"}}");
        ApiResponse other = api.hold(api.newSession(), 105);
        assertThat(other.error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        ApiResponse second = api.hold(session, 501);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(501))).isEmpty();
    }

    @Test
    void confirmWithoutOwnValidHoldAnswers409HoldExpiredOrNotFound() {
        Session holder = api.newSession();
        Session other = api.newSession();
        assertThat(api.confirm(holder, 106).error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(api.hold(holder, 106).status()).isEqualTo(201);

        ApiResponse foreign = api.confirm(other, 106);

        assertThat(foreign.status()).isEqualTo(409);
        assertThat(foreign.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(api.confirm(holder, 106).status()).isEqualTo(200);
        ApiResponse again = api.confirm(holder, 106);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.lockerOwner(106).get("owner_serial_id")).isEqualTo(holder.serialId());
    }

    @Test
    void aHoldRowPastItsExpiryCannotBeConfirmedButCanStillBeReleased() {
        Session session = api.newSession();
        assertThat(api.hold(session, 201).status()).isEqualTo(201);
        inspector.update("UPDATE locker_assignments SET hold_expires_at = now() - interval '1 second'"
                + " WHERE locker_id = 201 AND state = 'hold'");

        ApiResponse confirm = api.confirm(session, 201);

        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.assignmentStates(session.serialId(), 201)).containsExactly("hold");
        assertThat(api.releaseHold(session, 201).status()).isEqualTo(200);
        assertThat(inspector.assignmentStates(session.serialId(), 201)).isEmpty();
    }

    @Test
    void confirmOfALockerThatAlreadyHasAnOwnerAnswersConflictAndRollsBack() {
        Session holder = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(holder, 202).status()).isEqualTo(201);
        inspector.update("UPDATE locker_info SET owner_serial_id = ?, owner_student_id = ? WHERE locker_id = 202",
                owner.serialId(), owner.student().studentId());
        try {
            ApiResponse confirm = api.confirm(holder, 202);

            assertThat(confirm.status()).isEqualTo(409);
            assertThat(confirm.error()).isEqualTo("Conflict");
            assertThat(inspector.assignmentStates(holder.serialId(), 202)).containsExactly("hold");
            assertThat(inspector.lockerOwner(202).get("owner_serial_id")).isEqualTo(owner.serialId());
        } finally {
            inspector.update("UPDATE locker_info SET owner_serial_id = NULL, owner_student_id = NULL WHERE locker_id = 202");
        }
    }

    @Test
    void releaseHoldDeletesTheRowAndTheKeySoAnotherStudentCanTakeTheLocker() {
        Session session = api.newSession();
        assertThat(api.hold(session, 301).status()).isEqualTo(201);

        ApiResponse response = api.releaseHold(session, 301);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"hold released successfully\"}");
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE locker_id = 301")).isEmpty();
        assertThat(inspector.redisValue(RedisKeys.hold(301))).isEmpty();
        ApiResponse again = api.releaseHold(session, 301);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo(LockerAnswer.NO_HOLD_TEXT);
        assertThat(api.hold(api.newSession(), 301).status()).isEqualTo(201);
    }

    @Test
    void releaseHoldOfSomeoneElsesHoldOrOfAnOwnedLockerAnswers404() {
        Session holder = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(holder, 302).status()).isEqualTo(201);
        assertThat(api.hold(owner, 303).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 303).status()).isEqualTo(200);

        assertThat(api.releaseHold(api.newSession(), 302).error()).isEqualTo(LockerAnswer.NO_HOLD_TEXT);
        ApiResponse owned = api.releaseHold(owner, 303);
        assertThat(owned.status()).isEqualTo(404);
        assertThat(owned.error()).isEqualTo(LockerAnswer.NO_HOLD_TEXT);
        assertThat(inspector.assignmentStates(holder.serialId(), 302)).containsExactly("hold");
        assertThat(inspector.assignmentStates(owner.serialId(), 303)).containsExactly("confirmed");
        assertThat(inspector.redisValue(RedisKeys.hold(302))).contains(Long.toString(holder.serialId()));
    }

    @Test
    void releaseCancelsTheAssignmentClearsTheOwnerAndDeletesTheKey() {
        Session session = api.newSession();
        assertThat(api.hold(session, 304).status()).isEqualTo(201);
        assertThat(api.confirm(session, 304).status()).isEqualTo(200);

        ApiResponse response = api.release(session, 304);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"locker released successfully\"}");
        assertThat(inspector.assignmentStates(session.serialId(), 304)).containsExactly("cancelled");
        assertThat(inspector.value("SELECT released_at FROM locker_assignments WHERE locker_id = 304")).isNotNull();
        assertThat(inspector.lockerOwner(304).values()).containsOnlyNulls();
        assertThat(inspector.redisValue(RedisKeys.hold(304))).isEmpty();
        assertThat(api.myLocker(session.accessToken()).body()).isEqualTo("{\"locker\":null}");
        ApiResponse again = api.release(session, 304);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo(LockerHandlers.NO_CONFIRMED_LOCKER);
        assertThat(api.hold(api.newSession(), 304).status()).isEqualTo(201);
        assertThat(api.hold(session, 401).status()).isEqualTo(201);
    }

    @Test
    void releaseWithoutAConfirmedAssignmentOrWithoutOwnershipAnswersItsOwn404() {
        Session holder = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(holder, 402).status()).isEqualTo(201);
        assertThat(api.hold(owner, 403).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 403).status()).isEqualTo(200);

        ApiResponse heldOnly = api.release(holder, 402);
        ApiResponse foreign = api.release(holder, 403);
        inspector.update("UPDATE locker_info SET owner_serial_id = NULL, owner_student_id = NULL WHERE locker_id = 403");
        ApiResponse ownershipGone = api.release(owner, 403);

        assertThat(heldOnly.status()).isEqualTo(404);
        assertThat(heldOnly.error()).isEqualTo(LockerHandlers.NO_CONFIRMED_LOCKER);
        assertThat(foreign.error()).isEqualTo(LockerHandlers.NO_CONFIRMED_LOCKER);
        assertThat(ownershipGone.status()).isEqualTo(404);
        assertThat(ownershipGone.error()).isEqualTo(LockerHandlers.NO_OWNERSHIP);
        assertThat(inspector.assignmentStates(holder.serialId(), 402)).containsExactly("hold");
        assertThat(inspector.assignmentStates(owner.serialId(), 403)).containsExactly("confirmed");
    }

    @Test
    void myLockerIsNullWithoutAConfirmedLocker() {
        Session session = api.newSession();
        assertThat(api.myLocker(session.accessToken()).body()).isEqualTo("{\"locker\":null}");

        assertThat(api.hold(session, 404).status()).isEqualTo(201);

        ApiResponse response = api.myLocker(session.accessToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"locker\":null}");
    }

    @Test
    void listIsEveryLockerInOrderWithTheDeployedFieldsAndCount() throws Exception {
        Session owner = api.newSession();
        Session holder = api.newSession();
        assertThat(api.hold(owner, 601).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 601).status()).isEqualTo(200);
        assertThat(api.hold(holder, 603).status()).isEqualTo(201);

        ApiResponse response = api.lockers(holder.accessToken());

        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> stored = inspector.rows("""
                SELECT l.locker_id, ll.name, l.owner_student_id, l.owner_serial_id
                FROM locker_info l JOIN locker_locations ll ON ll.location_id = l.location_id
                ORDER BY l.locker_id""");
        assertThat(stored).hasSize(22);
        StringBuilder expected = new StringBuilder("{\"lockers\":[");
        long available = 0;
        for (Map<String, Object> row : stored) {
            if (expected.charAt(expected.length() - 1) == '}') {
                expected.append(',');
            }
            expected.append("{\"locker_id\":").append(row.get("locker_id"))
                    .append(",\"location_id\":").append(MAPPER.writeValueAsString(row.get("name")));
            if (row.get("owner_student_id") != null) {
                expected.append(",\"owner\":").append(MAPPER.writeValueAsString(row.get("owner_student_id")));
            }
            if (row.get("owner_serial_id") != null) {
                expected.append(",\"owner_serial_id\":").append(row.get("owner_serial_id"));
            } else {
                available++;
            }
            expected.append('}');
        }
        expected.append("],\"available_count\":").append(available).append('}');
        assertThat(response.body()).isEqualTo(expected.toString());
        assertThat(response.body()).contains("{\"locker_id\":601,\"location_id\":\"과학도서관 6층 614호 옆\",\"owner\":\""
                + owner.student().studentId() + "\",\"owner_serial_id\":" + owner.serialId() + "}");
        assertThat(response.body()).contains("{\"locker_id\":603,\"location_id\":\"과학도서관 6층 614호 옆\"}");
    }

    @Test
    void aTokenWhoseSubjectIsZeroPassesTheTokenCheckButTheHandlersAnswer401() {
        String zero = ForgedTokens.withSubject(STACK.stack().serverSettings(), "0", "2031999999");

        assertThat(api.lockers(zero).status()).isEqualTo(200);
        assertThat(api.myLocker(zero).status()).isEqualTo(401);
        for (String action : List.of("hold", "confirm", "release-hold", "release")) {
            ApiResponse response = api.lockerAction(zero, 503, action);
            assertThat(response.status()).as(action + ": " + response).isEqualTo(401);
            assertThat(response.error()).isEqualTo("Unauthorized");
            assertThat(api.lockerAction(zero, "abc", action).status()).as(action).isEqualTo(400);
        }
        assertThat(inspector.redisValue(RedisKeys.hold(503))).isEmpty();
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE locker_id = 503")).isEmpty();
    }

    @Test
    void healthReportsBothDependenciesReachable() {
        ApiResponse response = api.health();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("healthy");
    }
}
