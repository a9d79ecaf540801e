package locker.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis stopped and started again under a running server. */
class RedisOutageIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void withoutRedisHealthIs500AndHoldIs503AndBothRecoverAfterwards() {
        Session session = api.newSession();
        assertThat(api.health().status()).isEqualTo(200);

        STACK.stack().stopRedis();
        try {
            ApiResponse health = api.health();
            assertThat(health.status()).isEqualTo(500);
            assertThat(health.json().path("status").asText()).isEqualTo("unhealthy");
            assertThat(health.json().path("db").asText()).isEqualTo("reachable");
            assertThat(health.json().path("redis").asText()).isEqualTo("unreachable");

            ApiResponse hold = api.hold(session, 101);
            assertThat(hold.status()).as(hold.toString()).isEqualTo(503);
            assertThat(inspector.value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
        } finally {
            STACK.stack().restartRedis();
        }

        // Connections the server's pool opened before the outage fail once each before they are replaced.
        ApiResponse hold = Waiting.until(Duration.ofSeconds(15), () -> api.hold(session, 101),
                response -> response.status() != 503);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(Waiting.until(Duration.ofSeconds(15), api::health, response -> response.status() == 200)
                .json().path("status").asText()).isEqualTo("healthy");
    }
}
