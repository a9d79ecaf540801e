package locker.twin.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens byte for byte as deployed, and verified as golang-jwt v5 verifies them with the deployed options.
 * Tokens verified once are remembered by their exact text, never by anything a forger could copy.
 */
class TokensTest {
    private static final String SECRET = "test secret";
    private static final ReferenceServerSettings SETTINGS = ReferenceServerSettings.defaults().withJwtSecret(SECRET);
    private final Tokens tokens = new Tokens(SETTINGS);

    @Test
    void anAccessTokenHasTheDeployedHeaderAndItsClaimsInSortedOrder() {
        long before = Instant.now().getEpochSecond();
        String token = tokens.issueAccessToken(348405548997L, "2023321234");
        long after = Instant.now().getEpochSecond();

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"HS256\",\"kid\":\"hs256-main\",\"typ\":\"JWT\"}");
        assertThat(parts[0]).isEqualTo("eyJhbGciOiJIUzI1NiIsImtpZCI6ImhzMjU2LW1haW4iLCJ0eXAiOiJKV1QifQ");
        String claims = decode(parts[1]);
        assertThat(claims).matches("\\{\"aud\":\"locker-app-users\",\"exp\":\\d+,\"iat\":\\d+,\"iss\":\"locker-server-prod\","
                + "\"jti\":\"[A-Za-z0-9_-]{22}\",\"student_id\":\"2023321234\",\"sub\":\"348405548997\"}");
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(iat).isBetween(before, after);
        assertThat(exp - iat).isEqualTo(Duration.ofMinutes(30).toSeconds());
        assertThat(parts[2]).isEqualTo(hmac(parts[0] + "." + parts[1], SECRET));
        assertThat(tokens.issueAccessToken(1, "2023321234")).isNotEqualTo(tokens.issueAccessToken(1, "2023321234"));
    }

    @Test
    void aTokenAlteredAfterTheGenuineOneWasVerifiedIsStillRefused() {
        String genuine = tokens.issueAccessToken(123456789012L, "2023100000");
        assertThat(tokens.verify(genuine).serialId()).isEqualTo(123456789012L);

        String[] parts = genuine.split("\\.");
        String otherPayload = tokens.issueAccessToken(999L, "2023999999").split("\\.")[1];
        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2])).isNull();
        assertThat(tokens.verify(genuine.substring(0, genuine.length() - 2) + "xx")).isNull();
        assertThat(tokens.verify(genuine + " ")).isNull();
        assertThat(new Tokens(SETTINGS.withJwtSecret("another key")).verify(genuine)).isNull();
        assertThat(tokens.verify(genuine)).isNotNull();
    }

    @Test
    void pastTheRememberedLimitEveryTokenStillVerifies() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i <= Tokens.VERIFIED_TOKENS_KEPT; i++) {
            issued.add(tokens.issueAccessToken(i, Integer.toString(2_000_000_000 + i)));
        }
        for (String token : issued) {
            assertThat(tokens.verify(token)).isNotNull();
        }
        assertThat(tokens.verify(issued.get(0)).studentId()).isEqualTo("2000000000");
        assertThat(tokens.verify(issued.get(issued.size() - 1))).isNotNull();
    }

    @Test
    void claimsAreCheckedAsTheDeployedParserChecksThem() {
        long now = Instant.now().getEpochSecond();
        String valid = "\"aud\":\"locker-app-users\",\"iss\":\"locker-server-prod\",\"jti\":\"j\"";

        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\",\"exp\":" + (now + 60) + "}"))).isNotNull();
        // no exp at all, an iat in the future, aud as an array, a signed sub: all accepted
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\"}")).expiresAt()).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\",\"iat\":" + (now + 3600) + "}"))).isNotNull();
        assertThat(tokens.verify(signed("{\"aud\":[\"x\",\"locker-app-users\"],\"iss\":\"locker-server-prod\",\"sub\":\"7\"}")))
                .isNotNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"-5\"}")).serialId()).isEqualTo(-5);
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"0\"}")).serialId()).isZero();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"+7\"}")).serialId()).isEqualTo(7);
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"9\"}")).studentId()).isEmpty();

        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\",\"exp\":" + now + "}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\",\"exp\":\"" + (now + 60) + "\"}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"42\",\"nbf\":" + (now + 60) + "}"))).isNull();
        assertThat(tokens.verify(signed("{\"iss\":\"locker-server-prod\",\"sub\":\"42\"}"))).isNull();
        assertThat(tokens.verify(signed("{\"aud\":\"other\",\"iss\":\"locker-server-prod\",\"sub\":\"42\"}"))).isNull();
        assertThat(tokens.verify(signed("{\"aud\":\"locker-app-users\",\"sub\":\"42\"}"))).isNull();
        assertThat(tokens.verify(signed("{\"aud\":\"locker-app-users\",\"iss\":\"x\",\"sub\":\"42\"}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":42}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"\"}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"4 2\"}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"٤٢\"}"))).isNull();
        assertThat(tokens.verify(signed("{" + valid + ",\"sub\":\"9223372036854775808\"}"))).isNull();
    }

    /**
     * Dates out of range compare as in Go (measured against the deployed server on 2026-12-02, its answer to
     * {@code GET /lockers/me} with each token): {@code int64} conversion of what is out of range gives its smallest
     * value, seconds near the top of {@code int64} wrap around when Go moves them to the year 1, a number beyond
     * {@code float64} or a non-number is an invalid token.
     */
    @ParameterizedTest(name = "{0}={1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "exp|1e17|true", "exp|1e300|false", "exp|9223372036854775808|false", "exp|-1|false", "exp|0|true",
            "exp|9.2e18|true", "exp|1e19|false", "exp|-1e300|false", "exp|1.5|false", "exp|null|false",
            "exp|\"123\"|false", "exp|1e400|false", "exp|9223372036784639999|false",
            "nbf|1e17|false", "nbf|1e300|true", "nbf|9223372036854775808|true", "nbf|-1|true", "nbf|0|true",
            "nbf|9.2e18|false", "nbf|1e19|true", "nbf|-1e300|true", "nbf|1.5|true", "nbf|null|false",
            "nbf|\"123\"|false", "nbf|1e400|false", "nbf|9223372036784639999|true"})
    void datesOutOfRangeCompareAsGoComparesThem(String claim, String value, boolean accepted) {
        String valid = "\"aud\":\"locker-app-users\",\"iss\":\"locker-server-prod\",\"jti\":\"j\",\"sub\":\"42\"";
        assertThat(tokens.verify(signed("{" + valid + ",\"" + claim + "\":" + value + "}")) != null).isEqualTo(accepted);
    }

    @Test
    void claimsWithAnythingButSpaceAfterTheirJsonAreRefused() {
        String claims = "{\"aud\":\"locker-app-users\",\"iss\":\"locker-server-prod\",\"jti\":\"j\",\"sub\":\"42\"}";
        assertThat(tokens.verify(signed(claims + " x"))).isNull();
        assertThat(tokens.verify(signed(claims + "{}"))).isNull();
        assertThat(tokens.verify(signed(claims + "  \n"))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"HS384\",\"typ\":\"JWT\"}", "{\"alg\":\"none\"}", "{\"typ\":\"JWT\"}", "[1]"})
    void onlyHs256IsAccepted(String header) {
        String claims = "{\"aud\":\"locker-app-users\",\"iss\":\"locker-server-prod\",\"sub\":\"42\",\"jti\":\"j\"}";
        String input = encode(header) + "." + encode(claims);

        assertThat(tokens.verify(input + "." + hmac(input, SECRET))).isNull();
    }

    @Test
    void theJtiIsReadWithoutVerificationWhenTheTokenParses() {
        String genuine = tokens.issueAccessToken(1, "2023000001");
        String forged = encode("{\"alg\":\"HS256\"}") + "." + encode("{\"jti\":\"abc\"}") + ".not-a-signature";

        assertThat(Tokens.unverifiedJti(genuine)).hasSize(22);
        assertThat(Tokens.unverifiedJti(forged)).isEqualTo("abc");
        assertThat(Tokens.unverifiedJti(encode("{\"alg\":\"XX1\"}") + "." + encode("{\"jti\":\"abc\"}") + ".x")).isNull();
        assertThat(Tokens.unverifiedJti(encode("{\"alg\":\"HS256\"}") + "." + encode("{\"jti\":5}") + ".x")).isNull();
        assertThat(Tokens.unverifiedJti("a.b")).isNull();
        assertThat(Tokens.unverifiedJti("not a token")).isNull();
    }

    private static String signed(String claims) {
        String input = Tokens.HEADER_SEGMENT + "." + encode(claims);
        return input + "." + hmac(input, SECRET);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    private static String hmac(String input, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
