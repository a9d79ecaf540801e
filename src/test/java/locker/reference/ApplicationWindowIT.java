package locker.reference;

import locker.contract.RedisKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A stack whose application window opens tomorrow: holds are refused, everything else answers. */
class ApplicationWindowIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension(ReferenceServerSettings.defaults()
            .withApplicationWindow(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2))));

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void holdBeforeTheWindowOpensAnswers403AndReservesNothing() {
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 101);

        assertThat(response.status()).isEqualTo(403);
        assertThat(inspector.redisValue(RedisKeys.hold(101))).isEmpty();
        assertThat(inspector.value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
        assertThat(api.lockers(session.accessToken()).status()).isEqualTo(200);
        assertThat(api.confirm(session, 101).status()).isEqualTo(409);
    }
}
