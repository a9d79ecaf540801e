package locker.reference;

import locker.contract.RedisKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds that last 2 s on a stack that sweeps every second: an unconfirmed hold runs out. */
class HoldExpiryIT {
    private static final int HOLD_SECONDS = 2;

    @RegisterExtension
    static final StackExtension STACK = new StackExtension(
            ReferenceServerSettings.defaults().withHoldTtl(HOLD_SECONDS, Duration.ofSeconds(1)));

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void anUnconfirmedHoldExpiresAndTheLockerCanBeHeldByAnotherStudent() {
        Session first = api.newSession();
        Session second = api.newSession();
        assertThat(api.hold(first, 101).status()).isEqualTo(201);
        assertThat(inspector.redisTtl(RedisKeys.hold(101))).isBetween(1L, (long) HOLD_SECONDS);

        awaitExpiry(first, 101);

        assertThat(inspector.redisValue(RedisKeys.hold(101))).isEmpty();
        ApiResponse late = api.confirm(first, 101);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.error()).isEqualTo("hold expired or not found");
        assertThat(inspector.lockerOwner(101).values()).containsOnlyNulls();
        assertThat(api.hold(second, 101).status()).isEqualTo(201);
        assertThat(api.confirm(second, 101).status()).isEqualTo(200);
        assertThat(inspector.lockerOwner(101).get("owner_serial_id")).isEqualTo(second.serialId());
    }

    @Test
    void aStudentWhoseHoldExpiredMayHoldAgain() {
        Session session = api.newSession();
        assertThat(api.hold(session, 102).status()).isEqualTo(201);

        awaitExpiry(session, 102);

        assertThat(api.hold(session, 103).status()).isEqualTo(201);
        assertThat(api.releaseHold(session, 102).status()).isEqualTo(404);
    }

    private void awaitExpiry(Session session, int lockerId) {
        Waiting.until(Duration.ofSeconds(15), () -> inspector.assignmentStates(session.serialId(), lockerId),
                List.of("expired")::equals);
    }
}
