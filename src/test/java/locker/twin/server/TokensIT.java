package locker.twin.server;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import locker.contract.RedisKeys;
import locker.contract.TokenHash;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.RawHttp;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import locker.testsupport.twin.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens on protected routes, {@code /auth/me}, {@code /auth/refresh} and {@code /auth/logout}. */
class TokensIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @ParameterizedTest
    @ValueSource(strings = {"GET /lockers", "GET /lockers/me", "GET /auth/me", "POST /lockers/101/hold",
            "POST /lockers/101/confirm", "POST /lockers/101/release-hold", "POST /lockers/101/release"})
    void protectedRoutesRefuseMissingMalformedAndForeignTokens(String route) {
        Session session = api.newSession();
        Function<String, ApiResponse> call = token -> call(route, token);

        assertThat(call.apply(null).status()).isEqualTo(401);
        assertThat(call.apply("").status()).isEqualTo(401);
        assertThat(call.apply("not.a.jwt").status()).isEqualTo(401);
        assertThat(call.apply(session.accessToken() + "x").status()).isEqualTo(401);
        assertThat(call.apply(signedWithAnotherSecret(session.accessToken())).status()).isEqualTo(401);
        assertThat(call.apply(session.accessToken()).status()).isNotEqualTo(401);
    }

    @Test
    void theBearerPrefixIsCaseSensitiveAndTheTokenIsNotTrimmed() {
        Session session = api.newSession();
        RawHttp http = new RawHttp(STACK.stack().baseUrl());

        assertThat(http.send("GET", "/api/v1/auth/me", "Authorization: Bearer " + session.accessToken()).status())
                .isEqualTo(200);
        for (String header : new String[]{"bearer " + session.accessToken(), "BEARER " + session.accessToken(),
                "Bearer  " + session.accessToken(), "Bearer\t" + session.accessToken(), session.accessToken(),
                "Bearer " + session.accessToken() + " x"}) {
            RawHttp.Answer answer = http.send("GET", "/api/v1/auth/me", "Authorization: " + header);
            assertThat(answer.status()).as(header).isEqualTo(401);
            assertThat(answer.text()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void aTokenWhoseSubjectIsZeroPassesTheMiddlewareButTheHandlerAnswers401() {
        String zero = signed("0");
        String negative = signed("-5");

        assertThat(api.me(zero).status()).isEqualTo(401);
        assertThat(api.me(zero).body()).isEqualTo("Unauthorized");
        // the middleware let it through: an unmounted path gets 404, not 401
        assertThat(api.get("/users/GetAllUsers", zero).status()).isEqualTo(404);
        ApiResponse unknownUser = api.me(negative);
        assertThat(unknownUser.status()).isEqualTo(404);
        assertThat(unknownUser.body()).isEqualTo("user not found");
    }

    @Test
    void theBlacklistIsCheckedByTheUnverifiedJtiBeforeTheSignature() {
        Session session = api.newSession();
        String jti = JWT.decode(session.accessToken()).getId();
        inspector.redisSet(RedisKeys.blacklist(jti), "revoked");

        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
        Session other = api.newSession();
        assertThat(api.me(other.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void onlyHs256TokensWithTheDeployedIssuerAndAudienceAreAccepted() {
        Session session = api.newSession();
        DecodedJWT genuine = JWT.decode(session.accessToken());
        String secret = STACK.stack().serverSettings().jwtSecret();

        assertThat(api.me(JWT.create().withSubject(genuine.getSubject()).withIssuer("locker-server-prod")
                .withAudience("locker-app-users").sign(Algorithm.HMAC384(secret))).status()).isEqualTo(401);
        assertThat(api.me(JWT.create().withSubject(genuine.getSubject()).withIssuer("locker-server-prod")
                .withAudience("locker-app-users").sign(Algorithm.none())).status()).isEqualTo(401);
        assertThat(api.me(JWT.create().withSubject(genuine.getSubject()).withIssuer("other")
                .withAudience("locker-app-users").sign(Algorithm.HMAC256(secret))).status()).isEqualTo(401);
        assertThat(api.me(JWT.create().withSubject(genuine.getSubject()).withIssuer("locker-server-prod")
                .sign(Algorithm.HMAC256(secret))).status()).isEqualTo(401);
        assertThat(api.me(JWT.create().withSubject(genuine.getSubject()).withIssuer("locker-server-prod")
                .withAudience("x", "locker-app-users").withIssuedAt(java.time.Instant.now().plusSeconds(3600))
                .sign(Algorithm.HMAC256(secret))).status()).isEqualTo(200);
    }

    @Test
    void authMeAnswersTheCallersIdentity() {
        Session session = api.newSession();

        ApiResponse response = api.me(session.accessToken());

        assertThat(response.status()).isEqualTo(200);
        Student student = session.student();
        assertThat(response.json().properties()).extracting(Map.Entry::getKey)
                .containsExactly("student_id", "name", "phone_number");
        assertThat(response.json().path("student_id").asText()).isEqualTo(student.studentId());
        assertThat(response.json().path("name").asText()).isEqualTo(student.name());
        assertThat(response.json().path("phone_number").asText()).isEqualTo(student.phoneNumber());
    }

    @Test
    void authMeAnswers404WhenTheUserOfAValidTokenIsGone() {
        Session session = api.newSession();
        inspector.update("DELETE FROM users WHERE serial_id = ?", session.serialId());

        ApiResponse response = api.me(session.accessToken());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("user not found");
    }

    @Test
    void logoutBlacklistsTheAccessTokenAndRevokesTheRefreshToken() {
        Session session = api.newSession();

        ApiResponse response = api.logout(session.refreshToken(), session.accessToken());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("message").asText()).isEqualTo("logged out successfully");
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
        assertThat(api.lockers(session.accessToken()).status()).isEqualTo(401);
        String blacklistKey = RedisKeys.blacklist(JWT.decode(session.accessToken()).getId());
        assertThat(inspector.redisValue(blacklistKey)).contains("revoked");
        assertThat(inspector.redisTtl(blacklistKey)).isBetween(1_700L, 1_800L);
        assertThat(inspector.value("SELECT revoked_at FROM auth_refresh_tokens WHERE user_serial_id = ?",
                session.serialId())).isNotNull();
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(401);
        assertThat(api.me(api.login(session.student()).accessToken()).status()).isEqualTo(200);
    }

    @Test
    void logoutTakesTheAccessTokenFromTheBodyToo() {
        Session session = api.newSession();

        ApiResponse response = api.post("/auth/logout", null,
                Map.of("refresh_token", session.refreshToken(), "access_token", session.accessToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void logoutWithoutARefreshTokenIsUnauthorizedEvenWithAValidHeaderAndChangesNothing() {
        Session session = api.newSession();

        ApiResponse missing = api.logout(null, session.accessToken());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("Unauthorized");
        assertThat(api.logout("  ", session.accessToken()).status()).isEqualTo(401);
        assertThat(api.me(session.accessToken()).status()).isEqualTo(200);
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(200);
    }

    @Test
    void logoutWithAnUnknownOrAlreadyRevokedRefreshTokenStillAnswers200AndBlacklistsTheHeaderToken() {
        Session session = api.newSession();

        ApiResponse unknown = api.logout("no-such-refresh-token", session.accessToken());

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"logged out successfully\"}");
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(200);
        assertThat(api.logout(session.refreshToken(), null).status()).isEqualTo(200);
        assertThat(api.logout(session.refreshToken(), null).status()).isEqualTo(200);
    }

    @Test
    void logoutPrefersTheHeaderTokenOverTheBodysAndHashesATokenWithoutJti() {
        Session header = api.newSession();
        Session body = api.newSession();

        ApiResponse response = api.post("/auth/logout", header.accessToken(),
                Map.of("refresh_token", body.refreshToken(), "access_token", body.accessToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.me(header.accessToken()).status()).isEqualTo(401);
        assertThat(api.me(body.accessToken()).status()).isEqualTo(200);

        assertThat(api.logout(body.refreshToken(), "not-a-jwt").status()).isEqualTo(200);
        String hashKey = "blacklist:token:" + TokenHash.of("not-a-jwt");
        assertThat(inspector.redisValue(hashKey)).contains("revoked");
        assertThat(inspector.redisTtl(hashKey)).isBetween(1_700L, 1_800L);
    }

    @Test
    void refreshRotatesBothTokens() {
        Session session = api.newSession();

        ApiResponse response = api.refresh(session.refreshToken(), session.accessToken());

        assertThat(response.status()).isEqualTo(200);
        String newAccess = response.json().path("access_token").asText();
        String newRefresh = response.json().path("refresh_token").asText();
        assertThat(response.json().properties()).extracting(Map.Entry::getKey)
                .containsExactly("access_token", "refresh_token");
        assertThat(newAccess).isNotBlank().isNotEqualTo(session.accessToken());
        assertThat(newRefresh).isNotBlank().isNotEqualTo(session.refreshToken());
        assertThat(JWT.decode(newAccess).getSubject()).isEqualTo(Long.toString(session.serialId()));

        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(401);
        assertThat(api.me(newAccess).status()).isEqualTo(200);
        assertThat(inspector.value("""
                SELECT count(*) FROM auth_refresh_tokens WHERE user_serial_id = ? AND revoked_at IS NULL""",
                session.serialId())).isEqualTo(1L);
        assertThat(api.refresh(newRefresh, newAccess).status()).isEqualTo(200);
    }

    @Test
    void refreshBlacklistsAnAccessTokenRidingInTheBody() {
        Session session = api.newSession();

        ApiResponse response = api.post("/auth/refresh", null,
                Map.of("refresh_token", session.refreshToken(), "access_token", session.accessToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.me(session.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void refreshTakesTheBodysAccessTokenOverTheHeadersAndBlacklistsItUnverified() {
        Session header = api.newSession();
        Session body = api.newSession();

        ApiResponse response = api.post("/auth/refresh", header.accessToken(),
                Map.of("refresh_token", header.refreshToken(), "access_token", body.accessToken()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.me(body.accessToken()).status()).isEqualTo(401);
        assertThat(api.me(header.accessToken()).status()).isEqualTo(200);
        String jti = JWT.decode(body.accessToken()).getId();
        assertThat(inspector.redisValue(RedisKeys.blacklist(jti))).contains("revoked");
        assertThat(inspector.redisTtl(RedisKeys.blacklist(jti))).isBetween(1_700L, 1_800L);
    }

    @Test
    void refreshRefusesAMissingUnknownOrExpiredRefreshToken() {
        Session session = api.newSession();

        ApiResponse missing = api.refresh(null, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("missing refresh_token");
        ApiResponse notJson = api.postText("/auth/refresh", null, "{");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).isEqualTo("invalid request payload");
        ApiResponse unknown = api.refresh("no-such-refresh-token", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo("Unauthorized");

        inspector.update("UPDATE auth_refresh_tokens SET expires_at = now() - interval '1 second'"
                + " WHERE user_serial_id = ?", session.serialId());
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(401);
    }

    private ApiResponse call(String route, String token) {
        String[] methodAndPath = route.split(" ");
        return methodAndPath[0].equals("GET")
                ? api.get(methodAndPath[1], token)
                : api.post(methodAndPath[1], token, null);
    }

    /** A token the server accepts, for the subject given as text. */
    private static String signed(String subject) {
        return JWT.create().withSubject(subject).withIssuer("locker-server-prod").withAudience("locker-app-users")
                .withJWTId("jti-" + subject).sign(Algorithm.HMAC256(STACK.stack().serverSettings().jwtSecret()));
    }

    /** The same claims as a genuine token, signed with a key the server does not know. */
    private static String signedWithAnotherSecret(String genuine) {
        DecodedJWT jwt = JWT.decode(genuine);
        return JWT.create()
                .withSubject(jwt.getSubject())
                .withClaim("student_id", jwt.getClaim("student_id").asString())
                .withIssuer(jwt.getIssuer())
                .withAudience(jwt.getAudience().toArray(String[]::new))
                .withIssuedAt(jwt.getIssuedAtAsInstant())
                .withExpiresAt(jwt.getExpiresAtAsInstant())
                .withJWTId(jwt.getId())
                .sign(Algorithm.HMAC256("a secret the server does not have"));
    }
}
