package locker.bench.differential;

import locker.bench.differential.CaseResult.Side;
import locker.contract.TokenHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NormaliserTest {
    private static final Student KIM = new Student("9900000001", "김민준", "01000000001");

    /** A login answer as a server with this key, issuer and audience would give it. */
    private static String loginAnswer(String secret, String issuer, String audience, String refreshToken) {
        TokenForge forge = new TokenForge(secret, issuer, audience);
        String token = forge.token(forge.claims(KIM));
        return "{\"access_token\":\"" + token + "\",\"refresh_token\":\"" + refreshToken + "\",\"serial_id\":"
                + KIM.serialId() + "}";
    }

    @Test
    void twoServersAnswersWithTheirOwnRandomTokensKeysAndSettingsReadTheSame() {
        Normaliser deployed = new Normaliser("127.0.0.1:3300").identity(KIM);
        Normaliser twin = new Normaliser("127.0.0.1:3400").identity(KIM);

        String a = deployed.text(loginAnswer("one key", "locker-server", "locker-client",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        String b = twin.text(loginAnswer("another key", "locker-server-prod", "locker-app-users",
                "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"));

        assertThat(a).isEqualTo(b).isEqualTo(
                "{\"access_token\":\"<access-token-1>\",\"refresh_token\":\"<refresh-token-1>\",\"serial_id\":<serial of 9900000001>}");
        assertThat(deployed.takeNewShapes()).isEqualTo(twin.takeNewShapes()).containsExactly(
                "access-token-1: header {\"alg\":\"HS256\",\"kid\":\"hs256-main\",\"typ\":\"JWT\"}; claims aud, exp, iat, iss,"
                        + " jti, student_id, sub; exp-iat 1800 s; jti 22 chars; student_id \"9900000001\";"
                        + " sub \"<serial of 9900000001>\"");
        assertThat(deployed.takeNewShapes()).as("each shape is told once").isEmpty();
    }

    @Test
    void aTokenKeepsItsLabelAndTheNextGetsTheNextNumber() {
        Normaliser n = new Normaliser("");
        TokenForge forge = new TokenForge("key", "iss", "aud");
        String first = forge.token(forge.claims(KIM));
        String second = forge.token(forge.claims(KIM));

        assertThat(n.text(first + " " + second + " " + first)).isEqualTo("<access-token-1> <access-token-2> <access-token-1>");
    }

    @Test
    void aTokensJtiAndHashNameItInRedisKeysAndItsStoredHashInRows() {
        Normaliser n = new Normaliser("");
        TokenForge forge = new TokenForge("key", "iss", "aud");
        Map<String, String> claims = forge.claims(KIM);
        String token = forge.token(claims);
        String jti = claims.get("jti").replace("\"", "");
        String refresh = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
        n.text(token + " " + refresh);
        n.sent("not-a-jwt", "not a JWT");

        assertThat(n.redisKey("blacklist:" + jti)).isEqualTo("blacklist:<jti of access-token-1>");
        assertThat(n.redisKey("blacklist:token:" + TokenHash.of("not-a-jwt")))
                .isEqualTo("blacklist:token:<hash of sent-token-1 (not a JWT)>");
        assertThat(n.redisKey("blacklist:zzzzzzzzzzzzzzzzzzzzzz")).isEqualTo("blacklist:<unknown jti 1>");
        assertThat(n.redisKey("blacklist:yyyyyyyyyyyyyyyyyyyyyy")).isEqualTo("blacklist:<unknown jti 2>");
        assertThat(n.redisKey("blacklist:zzzzzzzzzzzzzzzzzzzzzz")).isEqualTo("blacklist:<unknown jti 1>");
        assertThat(n.redisKey("blacklist:token:" + TokenHash.of("never seen")))
                .isEqualTo("blacklist:token:<unknown token hash 3>");
        assertThat(n.redisKey("locker:hold:101")).isEqualTo("locker:hold:101");
        assertThat(n.storedRefreshToken(TokenHash.of(refresh))).isEqualTo("<refresh-token-1>");
        assertThat(n.storedRefreshToken(TokenHash.of("someone else's"))).isEqualTo("<unknown refresh token>");
    }

    @Test
    void onlyTheDeployedSerialOfAKnownIdentityIsReplacedSoAWrongHashStillShows() {
        Normaliser n = new Normaliser("").identity(KIM);

        assertThat(n.text("{\"owner_serial_id\":" + KIM.serialId() + ",\"locker_id\":101,\"wrong\":" + (KIM.serialId() + 1) + "}"))
                .isEqualTo("{\"owner_serial_id\":<serial of 9900000001>,\"locker_id\":101,\"wrong\":" + (KIM.serialId() + 1) + "}");
        assertThat(n.text("9900000001")).as("a student id is not a serial").isEqualTo("9900000001");
    }

    @Test
    void timestampsAndTheTargetsAuthorityAreReplaced() {
        Normaliser n = new Normaliser("127.0.0.1:3300");

        assertThat(n.text("Location: http://127.0.0.1:3300/swagger/index.html at 2026-12-02T16:30:04.123+09:00"
                + " or 2026-12-02 16:30:04"))
                .isEqualTo("Location: http://{authority}/swagger/index.html at <time> or <time>");
    }

    @Test
    void aTokenWhoseClaimsAreNotJsonIsStillLabelledAndSaysSo() {
        Normaliser n = new Normaliser("");
        String token = TokenForge.segment(TokenForge.HEADER) + "." + TokenForge.segment("{\"exp\":1}xyz") + ".c2ln";

        assertThat(n.text(token)).isEqualTo("<access-token-1>");
        assertThat(n.takeNewShapes()).containsExactly(
                "access-token-1: header {\"alg\":\"HS256\",\"kid\":\"hs256-main\",\"typ\":\"JWT\"}; claims not one JSON object");
    }

    @Test
    void bytesThatAreNotUtf8ReadAsEscapesAndValidTextAsItIs() {
        byte[] body = "김민준 ok".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {'a', (byte) 0xff, (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'b'};

        assertThat(Texts.readable(body)).isEqualTo("김민준 ok");
        assertThat(Texts.readable(broken)).isEqualTo("a\\xff\\xed\\xa0\\x80b");
    }

    @Test
    void sidesThatReadTheSameMatchAndEveryDifferenceSaysWhere() {
        Exchange ok = new Exchange("GET /health", "GET /api/v1/health HTTP/1.1", "answered", "200 OK",
                Map.of("content-type", "application/json", "content-length", "present"), "{}", List.of(), "", "");
        Exchange refused = new Exchange("GET /health", "GET /api/v1/health HTTP/1.1", "answered", "401 Unauthorized",
                Map.of("content-type", "text/plain; charset=utf-8", "content-length", "present"), "Unauthorized",
                List.of(), "", "");
        Side a = new Side(List.of(ok), Map.of("users", List.of("\"9900000001\""), "redis", List.of()));
        Side same = new Side(List.of(ok), Map.of("users", List.of("\"9900000001\""), "redis", List.of()));
        Side b = new Side(List.of(refused), Map.of("users", List.of(), "redis", List.of()));

        assertThat(CaseResult.differences(a, same)).isEmpty();
        assertThat(CaseResult.differences(a, b)).extracting(CaseResult.Difference::where).containsExactly(
                "step 1 'GET /health' status", "step 1 'GET /health' header content-type", "step 1 'GET /health' body",
                "afterwards, users (rows only on one side)");
        assertThat(CaseResult.differences(a, b).get(3).a()).isEqualTo("\"9900000001\"");
        assertThat(CaseResult.differences(a, b).get(3).b()).isEqualTo("(none)");
    }
}
