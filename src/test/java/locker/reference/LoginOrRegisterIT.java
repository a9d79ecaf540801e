package locker.reference;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import locker.contract.SerialId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /auth/login-or-register}: validation in the contract's order, the upsert and the stored tokens. */
class LoginOrRegisterIT {
    private static final String MISSING = "missing required fields: student_id, name, phone_number";
    private static final String BAD_STUDENT_ID = "invalid student_id format";
    private static final String BAD_PHONE_LENGTH = "invalid phone_number format";
    private static final String PHONE_NOT_NUMERIC = "only numeric characters are allowed in phone_number";
    private static final String BAD_NAME_LENGTH = "invalid name length";

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(body(null, null, null), MISSING),
                Arguments.of(body("20231000", "홍길동", null), MISSING),
                Arguments.of(body("20231000", "   ", "01012345678"), MISSING),
                Arguments.of(body("", "x", "12"), MISSING),
                Arguments.of(body("1234567", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("12345678901", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("2023100a", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("２０２３１０００", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("2023-1000", "x", "12"), BAD_STUDENT_ID),
                Arguments.of(body("20231000", "홍길동", "010123456"), BAD_PHONE_LENGTH),
                Arguments.of(body("20231000", "홍길동", "0101234567890123"), BAD_PHONE_LENGTH),
                Arguments.of(body("20231000", "x", "010-12"), BAD_PHONE_LENGTH),
                Arguments.of(body("20231000", "홍길동", "010-1234-5678"), PHONE_NOT_NUMERIC),
                Arguments.of(body("20231000", "x", "01012345678a"), PHONE_NOT_NUMERIC),
                Arguments.of(body("20231000", "홍", "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("20231000", "가".repeat(21), "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("20231000", "😀".repeat(21), "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("20231000", " 홍 ", "01012345678"), BAD_NAME_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void refusesAnInvalidBodyWithTheFirstFailingRule(Map<String, String> body, String message) {
        ApiResponse response = api.loginOrRegister(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(message);
    }

    @Test
    void refusesARequestWithoutABody() {
        ApiResponse response = api.post("/auth/login-or-register", null, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(MISSING);
    }

    /** Student ids outside the range of {@link Student#next()}. */
    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"20231000\"]", "{\"student_id\": "})
    void refusesABodyThatIsNotAJsonObject(String body) {
        ApiResponse response = api.postText("/auth/login-or-register", null, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid request body");
    }

    static Stream<Student> identitiesAtTheLimits() {
        return Stream.of(
                new Student("20390001", "이순신", "0101234567"),
                new Student("2039000002", "가".repeat(20), "010123456789012"),
                new Student("2039000003", "😀😀", "01012345670"),
                new Student("2039000004", "😀".repeat(20), "01012345670"));
    }

    @ParameterizedTest
    @MethodSource("identitiesAtTheLimits")
    void acceptsIdentitiesAtTheLimitsOfEachRule(Student student) {
        ApiResponse response = api.loginOrRegister(student);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("serial_id").asLong())
                .isEqualTo(SerialId.of(student.studentId(), student.name(), student.phoneNumber()));
    }

    @Test
    void registersOnTheFirstLoginAndFindsTheUserOnTheSecond() {
        Student student = Student.next();

        ApiResponse first = api.loginOrRegister(student);
        ApiResponse second = api.loginOrRegister(student);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        long serialId = SerialId.of(student.studentId(), student.name(), student.phoneNumber());
        assertThat(first.json().path("serial_id").asLong()).isEqualTo(serialId);
        assertThat(second.json().path("serial_id").asLong()).isEqualTo(serialId);
        assertThat(inspector.rows("SELECT serial_id, student_id, name, phone_number FROM users WHERE student_id = ?",
                student.studentId()))
                .containsExactly(Map.of("serial_id", serialId, "student_id", student.studentId(),
                        "name", student.name(), "phone_number", student.phoneNumber()));
    }

    @Test
    void trimsEveryFieldBeforeUsingIt() {
        Student student = Student.next();

        ApiResponse response = api.loginOrRegister(body(" " + student.studentId() + "\t",
                "  " + student.name() + " ", " " + student.phoneNumber() + "  "));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("serial_id").asLong())
                .isEqualTo(SerialId.of(student.studentId(), student.name(), student.phoneNumber()));
        assertThat(inspector.row("SELECT student_id, name, phone_number FROM users WHERE serial_id = ?",
                response.json().path("serial_id").asLong()))
                .isEqualTo(Map.of("student_id", student.studentId(), "name", student.name(),
                        "phone_number", student.phoneNumber()));
        assertThat(api.login(student).serialId()).isEqualTo(response.json().path("serial_id").asLong());
    }

    @Test
    void storesOnlyTheHashOfTheRefreshTokenWithExpiryUserAgentAndAddress() {
        Session session = api.newSession();

        Map<String, Object> stored = inspector.row("""
                SELECT token_hash, expires_at, issued_at, revoked_at, user_agent, ip
                FROM auth_refresh_tokens WHERE user_serial_id = ?""", session.serialId());

        assertThat(session.refreshToken()).isNotBlank();
        assertThat(stored.get("token_hash")).isEqualTo(base64UrlSha256(session.refreshToken()));
        assertThat(inspector.value("SELECT count(*) FROM auth_refresh_tokens WHERE token_hash = ?",
                session.refreshToken())).isEqualTo(0L);
        Duration lifetime = Duration.between(((Timestamp) stored.get("issued_at")).toInstant(),
                ((Timestamp) stored.get("expires_at")).toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofHours(336));
        assertThat(stored.get("revoked_at")).isNull();
        assertThat(stored.get("user_agent")).isEqualTo(ApiClient.USER_AGENT);
        assertThat(stored.get("ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void answersAnAccessTokenWithTheContractsClaims() {
        Session session = api.newSession();

        DecodedJWT jwt = JWT.decode(session.accessToken());

        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getSubject()).isEqualTo(Long.toString(session.serialId()));
        assertThat(jwt.getClaim("student_id").asString()).isEqualTo(session.student().studentId());
        assertThat(jwt.getIssuer()).isNotBlank();
        assertThat(jwt.getAudience()).isNotEmpty();
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(JWT.decode(api.login(session.student()).accessToken()).getId()).isNotEqualTo(jwt.getId());
    }

    private static Map<String, String> body(String studentId, String name, String phoneNumber) {
        Map<String, String> body = new HashMap<>();
        putUnlessNull(body, "student_id", studentId);
        putUnlessNull(body, "name", name);
        putUnlessNull(body, "phone_number", phoneNumber);
        return body;
    }

    private static void putUnlessNull(Map<String, String> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static String base64UrlSha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
