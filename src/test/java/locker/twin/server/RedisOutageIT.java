package locker.twin.server;

import com.auth0.jwt.JWT;
import locker.contract.RedisKeys;
import locker.testsupport.StackExtension;
import locker.testsupport.Race;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

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

        // The pools' connections from before the outage are closed; each first command finds that out and runs again
        // on a fresh connection, as go-redis's pool does: no request after the restart fails.
        assertThat(api.health().body())
                .isEqualTo("{\"db\":\"reachable\",\"redis\":\"reachable\",\"status\":\"healthy\"}");
        ApiResponse hold = api.hold(session, 101);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(api.logout(session.refreshToken(), session.accessToken()).status()).isEqualTo(200);
        assertThat(inspector.redisValue(RedisKeys.blacklist(JWT.decode(session.accessToken()).getId())))
                .contains("revoked");
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void afterARedisRestartEveryHoldAndReleaseSucceedsWhateverConnectionsThePoolsHeld() throws InterruptedException {
        List<Integer> lockers = List.of(301, 302, 303, 304, 401, 402, 403, 404, 501, 502);
        List<Session> sessions = lockers.stream().map(locker -> api.newSession()).toList();
        // students at once, so that the pools hold several connections when Redis goes away
        List<ApiResponse> before = Race.run(IntStream.range(0, sessions.size())
                .<Callable<ApiResponse>>mapToObj(i -> () -> {
                    api.hold(sessions.get(i), lockers.get(i));
                    return api.releaseHold(sessions.get(i), lockers.get(i));
                }).toList());
        assertThat(before).extracting(ApiResponse::status).containsOnly(200);

        STACK.stack().stopRedis();
        STACK.stack().restartRedis();

        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            int locker = lockers.get(i);
            ApiResponse hold = api.hold(session, locker);
            assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
            ApiResponse released = api.releaseHold(session, locker);
            assertThat(released.status()).as(released.toString()).isEqualTo(200);
            // a release whose DEL failed would leave the key, and the student's next hold would be refused
            assertThat(inspector.redisValue(RedisKeys.hold(locker))).isEmpty();
            ApiResponse again = api.hold(session, locker);
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(api.releaseHold(session, locker).status()).isEqualTo(200);
        }
    }
}
