package locker.reference;

import com.fasterxml.jackson.databind.JsonNode;
import locker.contract.RedisKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /lockers/*} on a stack with the deployed settings. Each test works on lockers of its own, so
 * the tests do not see each other's holds and owners.
 */
class LockersIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void holdAnswers201AndKeepsTheHoldInRedisAndTheDatabase() {
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 101);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(json.path("message").asText()).isEqualTo("locker held successfully");
        assertThat(json.path("expires_in").asText()).isEqualTo("1 minutes");
        assertThat(json.path("locker").path("locker_id").asInt()).isEqualTo(101);
        assertThat(json.path("locker").path("location_id").asText()).isEqualTo(inspector.locationName(101));
        assertThat(json.path("locker").path("owner").asText("")).isEmpty();

        assertThat(inspector.redisValue(RedisKeys.hold(101))).contains(Long.toString(session.serialId()));
        assertThat(inspector.redisTtl(RedisKeys.hold(101))).isBetween(1L, 60L);
        assertThat(inspector.assignmentStates(session.serialId(), 101)).containsExactly("hold");
        assertThat(inspector.value("""
                SELECT hold_expires_at > now() AND hold_expires_at <= now() + interval '60 seconds'
                FROM locker_assignments WHERE locker_id = 101""")).isEqualTo(true);
        assertThat(inspector.lockerOwner(101).values()).containsOnlyNulls();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "101abc", "99999999999"})
    void everyLockerActionRefusesAnIdThatIsNotALockerNumber(String lockerId) {
        Session session = api.newSession();

        for (String action : List.of("hold", "confirm", "release-hold", "release")) {
            ApiResponse response = api.lockerAction(session.accessToken(), lockerId, action);
            assertThat(response.status()).as(action + " " + lockerId + ": " + response).isEqualTo(400);
        }
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE user_serial_id = ?", session.serialId()))
                .isEmpty();
    }

    @Test
    void holdOfAHeldLockerAnswers409AndLeavesTheHolderAlone() {
        Session holder = api.newSession();
        Session latecomer = api.newSession();
        assertThat(api.hold(holder, 102).status()).isEqualTo(201);

        ApiResponse response = api.hold(latecomer, 102);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).isEqualTo("Locker already held by someone");
        assertThat(inspector.redisValue(RedisKeys.hold(102))).contains(Long.toString(holder.serialId()));
        assertThat(inspector.rows("SELECT user_serial_id, state::text AS state FROM locker_assignments"
                + " WHERE locker_id = 102")).containsExactly(Map.of("user_serial_id", holder.serialId(), "state", "hold"));
    }

    @Test
    void holdOfALockerThatDoesNotExistAnswers409AndDeletesTheRedisKeyAgain() {
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 999);

        assertThat(response.status()).isEqualTo(409);
        assertThat(inspector.redisValue(RedisKeys.hold(999))).isEmpty();
        assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE user_serial_id = ?", session.serialId()))
                .isEmpty();
    }

    @Test
    void aStudentWithAnActiveHoldCannotHoldASecondLocker() {
        Session session = api.newSession();
        assertThat(api.hold(session, 103).status()).isEqualTo(201);

        ApiResponse second = api.hold(session, 104);

        assertThat(second.status()).isEqualTo(409);
        assertThat(inspector.redisValue(RedisKeys.hold(104))).isEmpty();
        assertThat(inspector.assignmentStates(session.serialId(), 104)).isEmpty();
        assertThat(api.hold(api.newSession(), 104).status()).isEqualTo(201);
    }

    @Test
    void confirmMakesTheHolderTheOwner() {
        Session session = api.newSession();
        assertThat(api.hold(session, 105).status()).isEqualTo(201);

        ApiResponse response = api.confirm(session, 105);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("message").asText()).isEqualTo("locker confirmed successfully");
        assertThat(inspector.assignmentStates(session.serialId(), 105)).containsExactly("confirmed");
        assertThat(inspector.value("SELECT confirmed_at FROM locker_assignments WHERE locker_id = 105")).isNotNull();
        assertThat(inspector.lockerOwner(105)).isEqualTo(Map.of(
                "owner_student_id", session.student().studentId(), "owner_serial_id", session.serialId()));
        assertThat(inspector.redisValue(RedisKeys.hold(105))).contains(Long.toString(session.serialId()));

        JsonNode mine = api.myLocker(session.accessToken()).json().path("locker");
        assertThat(mine.path("locker_id").asInt()).isEqualTo(105);
        assertThat(mine.path("location_id").asText()).isEqualTo(inspector.locationName(105));
        assertThat(mine.path("owner").asText()).isEqualTo(session.student().studentId());

        assertThat(api.hold(session, 501).status()).isEqualTo(409);
        assertThat(inspector.redisValue(RedisKeys.hold(501))).isEmpty();
    }

    @Test
    void confirmWithoutOwnValidHoldAnswers409() {
        Session holder = api.newSession();
        Session other = api.newSession();
        assertThat(api.confirm(holder, 106).status()).isEqualTo(409);
        assertThat(api.hold(holder, 106).status()).isEqualTo(201);

        ApiResponse foreign = api.confirm(other, 106);

        assertThat(foreign.status()).isEqualTo(409);
        assertThat(foreign.error()).isEqualTo("hold expired or not found");
        assertThat(api.confirm(holder, 106).status()).isEqualTo(200);
        assertThat(api.confirm(holder, 106).status()).isEqualTo(409);
        assertThat(inspector.lockerOwner(106).get("owner_serial_id")).isEqualTo(holder.serialId());
    }

    @Test
    void releaseHoldDeletesTheHoldSoAnotherStudentCanTakeTheLocker() {
        Session session = api.newSession();
        assertThat(api.hold(session, 201).status()).isEqualTo(201);

        ApiResponse response = api.releaseHold(session, 201);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("message").asText()).isEqualTo("hold released successfully");
        assertThat(inspector.assignmentStates(session.serialId(), 201)).isEmpty();
        assertThat(inspector.redisValue(RedisKeys.hold(201))).isEmpty();
        ApiResponse again = api.releaseHold(session, 201);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error()).isEqualTo("No hold found to release");
        assertThat(api.hold(api.newSession(), 201).status()).isEqualTo(201);
    }

    @Test
    void releaseHoldOfSomeoneElsesHoldOrOfAnOwnedLockerAnswers404() {
        Session holder = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(holder, 202).status()).isEqualTo(201);
        assertThat(api.hold(owner, 301).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 301).status()).isEqualTo(200);

        assertThat(api.releaseHold(api.newSession(), 202).status()).isEqualTo(404);
        assertThat(api.releaseHold(owner, 301).status()).isEqualTo(404);
        assertThat(inspector.assignmentStates(holder.serialId(), 202)).containsExactly("hold");
        assertThat(inspector.assignmentStates(owner.serialId(), 301)).containsExactly("confirmed");
    }

    @Test
    void releaseCancelsTheAssignmentAndClearsTheOwner() {
        Session session = api.newSession();
        assertThat(api.hold(session, 302).status()).isEqualTo(201);
        assertThat(api.confirm(session, 302).status()).isEqualTo(200);

        ApiResponse response = api.release(session, 302);

        assertThat(response.status()).isEqualTo(200);
        assertThat(inspector.assignmentStates(session.serialId(), 302)).containsExactly("cancelled");
        assertThat(inspector.value("SELECT released_at FROM locker_assignments WHERE locker_id = 302")).isNotNull();
        assertThat(inspector.lockerOwner(302).values()).containsOnlyNulls();
        assertThat(inspector.redisValue(RedisKeys.hold(302))).isEmpty();
        assertThat(api.myLocker(session.accessToken()).json().get("locker").isNull()).isTrue();
        assertThat(api.release(session, 302).status()).isEqualTo(404);
        assertThat(api.hold(api.newSession(), 302).status()).isEqualTo(201);
        assertThat(api.hold(session, 303).status()).isEqualTo(201);
    }

    @Test
    void releaseOfALockerNotOwnedAnswers404() {
        Session holder = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(holder, 304).status()).isEqualTo(201);
        assertThat(api.hold(owner, 401).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 401).status()).isEqualTo(200);

        ApiResponse heldOnly = api.release(holder, 304);
        ApiResponse foreign = api.release(holder, 401);

        assertThat(heldOnly.status()).isEqualTo(404);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(inspector.assignmentStates(holder.serialId(), 304)).containsExactly("hold");
        assertThat(inspector.lockerOwner(401).get("owner_serial_id")).isEqualTo(owner.serialId());
    }

    @Test
    void myLockerIsNullWithoutAConfirmedLocker() {
        Session session = api.newSession();
        assertThat(api.myLocker(session.accessToken()).json().properties()).hasSize(1);
        assertThat(api.myLocker(session.accessToken()).json().get("locker").isNull()).isTrue();

        assertThat(api.hold(session, 402).status()).isEqualTo(201);

        ApiResponse response = api.myLocker(session.accessToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("locker").isNull()).isTrue();
    }

    @Test
    void listShowsEveryLockerInOrderWithOwnersOnlyForConfirmedOnes() {
        Session owner = api.newSession();
        Session holder = api.newSession();
        assertThat(api.hold(owner, 403).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 403).status()).isEqualTo(200);
        assertThat(api.hold(holder, 404).status()).isEqualTo(201);

        ApiResponse response = api.lockers(holder.accessToken());

        assertThat(response.status()).isEqualTo(200);
        List<Map<String, Object>> expected = inspector.rows("""
                SELECT li.locker_id, ll.name AS location_id, li.owner_student_id AS owner, li.owner_serial_id
                FROM locker_info li JOIN locker_locations ll ON ll.location_id = li.location_id
                ORDER BY li.locker_id""");
        assertThat(expected).hasSize(22);
        List<JsonNode> listed = new ArrayList<>();
        response.json().path("lockers").forEach(listed::add);
        assertThat(listed).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertLockerListedAsStored(listed.get(i), expected.get(i));
        }
        long withoutOwner = expected.stream().filter(row -> row.get("owner_serial_id") == null).count();
        assertThat(response.json().path("available_count").asLong()).isEqualTo(withoutOwner);

        JsonNode confirmed = listed.stream().filter(l -> l.path("locker_id").asInt() == 403).findFirst().orElseThrow();
        assertThat(confirmed.path("owner").asText()).isEqualTo(owner.student().studentId());
        assertThat(confirmed.path("owner_serial_id").asLong()).isEqualTo(owner.serialId());
        JsonNode held = listed.stream().filter(l -> l.path("locker_id").asInt() == 404).findFirst().orElseThrow();
        assertThat(held.has("owner")).isFalse();
        assertThat(held.has("owner_serial_id")).isFalse();
    }

    @Test
    void healthReportsBothDependenciesReachable() {
        ApiResponse response = api.health();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("healthy");
        assertThat(response.json().path("db").asText()).isEqualTo("reachable");
        assertThat(response.json().path("redis").asText()).isEqualTo("reachable");
    }

    private static void assertLockerListedAsStored(JsonNode listed, Map<String, Object> stored) {
        assertThat(listed.path("locker_id").asInt()).isEqualTo(stored.get("locker_id"));
        assertThat(listed.path("location_id").asText()).isEqualTo(stored.get("location_id"));
        if (stored.get("owner_serial_id") == null) {
            assertThat(listed.has("owner")).as(listed.toString()).isFalse();
            assertThat(listed.has("owner_serial_id")).as(listed.toString()).isFalse();
        } else {
            assertThat(listed.path("owner").asText()).isEqualTo(stored.get("owner"));
            assertThat(listed.path("owner_serial_id").asLong()).isEqualTo(stored.get("owner_serial_id"));
        }
    }
}
