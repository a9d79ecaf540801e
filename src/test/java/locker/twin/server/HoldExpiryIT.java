package locker.twin.server;

import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.testsupport.StackExtension;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds that last 5 s on a stack that sweeps every second (deployed-service.md §7): a hold ends when its Redis key
 * runs out, and only the sweep (or someone's hold of the same locker) marks its row {@code expired}; nothing reacts
 * to the key's expiry itself, and {@code hold_expires_at} is never what the sweep looks at.
 */
class HoldExpiryIT {
    private static final int HOLD_SECONDS = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final StackExtension STACK = new StackExtension(
            ReferenceServerSettings.defaults().withHoldTtl(HOLD_SECONDS, Duration.ofSeconds(1)));

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void theSweepExpiresAnUnconfirmedHoldOnceItsKeyIsGoneAndTheLockerCanBeHeldByAnotherStudent() {
        Session first = api.newSession();
        Session second = api.newSession();
        assertThat(api.hold(first, 101).status()).isEqualTo(201);
        assertThat(inspector.redisTtl(RedisKeys.hold(101))).isLessThanOrEqualTo(HOLD_SECONDS);

        awaitExpiredRow(first, 101);

        assertThat(inspector.redisValue(RedisKeys.hold(101))).isEmpty();
        assertThat(inspector.value("SELECT released_at FROM locker_assignments WHERE locker_id = 101")).isNull();
        ApiResponse late = api.confirm(first, 101);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.lockerOwner(101).values()).containsOnlyNulls();
        assertThat(api.hold(second, 101).status()).isEqualTo(201);
        assertThat(api.confirm(second, 101).status()).isEqualTo(200);
        assertThat(inspector.lockerOwner(101).get("owner_serial_id")).isEqualTo(second.serialId());
    }

    @Test
    void aStudentWhoseHoldWasSweptMayHoldAgain() {
        Session session = api.newSession();
        assertThat(api.hold(session, 103).status()).isEqualTo(201);

        awaitExpiredRow(session, 103);

        assertThat(api.hold(session, 104).status()).isEqualTo(201);
        assertThat(api.releaseHold(session, 103).status()).isEqualTo(404);
    }

    /**
     * deployed-service.md §8 R4: confirm leaves the key, so others get "already held" until it runs out, then the DB
     * message.
     */
    @Test
    void aConfirmedLockerAnswersAlreadyHeldUntilItsKeyRunsOutThenTheDbMessage() {
        Session owner = api.newSession();
        Session other = api.newSession();
        assertThat(api.hold(owner, 105).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 105).status()).isEqualTo(200);

        ApiResponse whileKeyLives = api.hold(other, 105);
        Waiting.until(PATIENCE, () -> inspector.redisValue(RedisKeys.hold(105)), value -> value.isEmpty());
        ApiResponse afterKey = api.hold(other, 105);

        assertThat(whileKeyLives.status()).isEqualTo(409);
        assertThat(whileKeyLives.error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        assertThat(afterKey.status()).isEqualTo(409);
        assertThat(afterKey.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(105))).isEmpty();
        assertThat(inspector.assignmentStates(owner.serialId(), 105)).containsExactly("confirmed");
    }

    private void awaitExpiredRow(Session session, int lockerId) {
        Waiting.until(PATIENCE, () -> inspector.assignmentStates(session.serialId(), lockerId),
                List.of("expired")::equals);
    }
}
