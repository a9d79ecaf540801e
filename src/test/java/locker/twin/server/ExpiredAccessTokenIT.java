package locker.twin.server;

import com.auth0.jwt.JWT;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A stack whose access tokens live 3 s: an expired token gets 401, its refresh token still works. */
class ExpiredAccessTokenIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension(
            ReferenceServerSettings.defaults().withAccessTokenTtl(Duration.ofSeconds(3)));

    private final ApiClient api = STACK.api();

    @Test
    void anExpiredAccessTokenIsUnauthorizedButItsRefreshTokenIsNot() throws InterruptedException {
        Session session = api.newSession();
        assertThat(api.me(session.accessToken()).status()).isEqualTo(200);

        Instant expiry = JWT.decode(session.accessToken()).getExpiresAtAsInstant();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_100);

        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
        assertThat(api.lockers(session.accessToken()).status()).isEqualTo(401);
        ApiResponse refreshed = api.refresh(session.refreshToken(), session.accessToken());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.me(refreshed.json().path("access_token").asText()).status()).isEqualTo(200);
    }
}
