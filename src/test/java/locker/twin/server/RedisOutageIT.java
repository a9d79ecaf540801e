package locker.twin.server;

import com.auth0.jwt.JWT;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Redis stopped and started again under a running server (the embedded Redis process really stops). */
class RedisOutageIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void withoutRedisTheMiddlewareFailsOpenHealthIs500AndHoldIs503AndAllRecoverAfterwards() {
        Session session = api.newSession();
        Session loggingOut = api.newSession();
        assertThat(api.health().status()).isEqualTo(200);

        STACK.stack().stopRedis();
        try {
            ApiResponse health = api.health();
            assertThat(health.status()).isEqualTo(500);
            assertThat(health.json().properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("error", "redis", "status");
            assertThat(health.json().path("error").asText()).isNotBlank();
            assertThat(health.json().path("redis").asText()).isEqualTo("unreachable");
            assertThat(health.json().path("status").asText()).isEqualTo("unhealthy");

            // the blacklist cannot be read, so tokens pass: reads keep working
            assertThat(api.me(session.accessToken()).status()).isEqualTo(200);
            assertThat(api.lockers(session.accessToken()).status()).isEqualTo(200);
            // logins need no Redis; refresh and logout ignore their Redis errors
            Session fresh = api.newSession();
            ApiResponse refreshed = api.refresh(fresh.refreshToken(), fresh.accessToken());
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(api.logout(loggingOut.refreshToken(), loggingOut.accessToken()).status()).isEqualTo(200);
            // neither could blacklist its access token
            assertThat(api.me(fresh.accessToken()).status()).isEqualTo(200);
            assertThat(api.me(loggingOut.accessToken()).status()).isEqualTo(200);

            ApiResponse hold = api.hold(session, 101);
            assertThat(hold.status()).as(hold.toString()).isEqualTo(503);
            assertThat(inspector.value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
        } finally {
            STACK.stack().restartRedis();
        }

        // Connections the server's pool opened before the outage fail once each before they are replaced.
        assertThat(Waiting.until(Duration.ofSeconds(15), api::health, response -> response.status() == 200).body())
                .isEqualTo("{\"db\":\"reachable\",\"redis\":\"reachable\",\"status\":\"healthy\"}");
        ApiResponse hold = Waiting.until(Duration.ofSeconds(15), () -> api.hold(session, 101),
                response -> response.status() != 503);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(api.logout(session.refreshToken(), session.accessToken()).status()).isEqualTo(200);
        assertThat(inspector.redisValue(RedisKeys.blacklist(JWT.decode(session.accessToken()).getId())))
                .contains("revoked");
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
    }
}
