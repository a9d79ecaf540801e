package locker.twin.server;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import locker.contract.SerialId;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /auth/login-or-register}: validation in the deployed order (deployed-service.md §5.3), the upsert and
 * the stored tokens.
 */
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
                Arguments.of(body("2023100000", "홍길동", null), MISSING),
                Arguments.of(body("2023100000", "   ", "01012345678"), MISSING),
                Arguments.of(body("2023100000", "\u3000\u00a0\u2003", "01012345678"), MISSING),
                Arguments.of(body("", "x", "12"), MISSING),
                Arguments.of(body("20231000", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("1234567", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("12345678901", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("202310000a", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("２０２３１００００", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("+202310000", "홍길동", "01012345678"), BAD_STUDENT_ID),
                Arguments.of(body("2023-10000", "x", "12"), BAD_STUDENT_ID),
                Arguments.of(body("2023100000", "홍길동", "010123456"), BAD_PHONE_LENGTH),
                Arguments.of(body("2023100000", "홍길동", "0101234567890123"), BAD_PHONE_LENGTH),
                Arguments.of(body("2023100000", "홍길동", "０１０１２３４５６７"), BAD_PHONE_LENGTH),
                Arguments.of(body("2023100000", "x", "010-12"), BAD_PHONE_LENGTH),
                Arguments.of(body("2023100000", "홍길동", "010-1234-5678"), PHONE_NOT_NUMERIC),
                Arguments.of(body("2023100000", "홍길동", "010１２３４"), PHONE_NOT_NUMERIC),
                Arguments.of(body("2023100000", "x", "01012345678a"), PHONE_NOT_NUMERIC),
                Arguments.of(body("2023100000", "홍", "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("2023100000", "가".repeat(21), "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("2023100000", "😀".repeat(21), "01012345678"), BAD_NAME_LENGTH),
                Arguments.of(body("2023100000", " 홍 ", "01012345678"), BAD_NAME_LENGTH));
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
        assertThat(response.error()).isEqualTo("Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[\"2023100000\"]", "{\"student_id\": ", "\"text\"", "{} {}",
            "{\"student_id\":2023100000,\"name\":\"홍길동\",\"phone_number\":\"01012345678\"}",
            "{\"student_id\":\"2023100000\",\"name\":[\"홍길동\"],\"phone_number\":\"01012345678\"}"})
    void refusesABodyGoCannotDecodeIntoTheRequest(String body) {
        ApiResponse response = api.postText("/auth/login-or-register", null, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("Bad Request");
    }

    @Test
    void aJsonNullBodyDecodesAsEmptyFields() {
        ApiResponse response = api.postText("/auth/login-or-register", null, "null");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(MISSING);
    }

    @Test
    void jsonKeysMatchIgnoringCaseAndNullLeavesAFieldEmpty() {
        Student student = Student.next();

        ApiResponse upperCase = api.postText("/auth/login-or-register", null, "{\"STUDENT_ID\":\"" + student.studentId()
                + "\",\"Name\":\"" + student.name() + "\",\"phone_NUMBER\":\"" + student.phoneNumber()
                + "\",\"unknown\":{\"a\":[1]}}");
        assertThat(upperCase.status()).as(upperCase.toString()).isEqualTo(201);

        ApiResponse withNull = api.postText("/auth/login-or-register", null, "{\"student_id\":\"" + student.studentId()
                + "\",\"name\":null,\"phone_number\":\"" + student.phoneNumber() + "\"}");
        assertThat(withNull.status()).isEqualTo(400);
        assertThat(withNull.error()).isEqualTo(MISSING);
    }

    @Test
    void formBodiesMatchTheGoFieldNamesAndOtherContentTypesAreRefused() {
        Student student = Student.next();
        RawHttp http = new RawHttp(STACK.stack().baseUrl());
        String goNames = "studentid=" + student.studentId() + "&NAME=" + URLEncoder.encode(student.name(), UTF_8)
                + "&Phone=" + student.phoneNumber();

        RawHttp.Answer form = http.send("POST", "/api/v1/auth/login-or-register", goNames.getBytes(UTF_8),
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(form.status()).as(form.toString()).isEqualTo(201);

        String jsonNames = "student_id=" + student.studentId() + "&name=x&phone_number=" + student.phoneNumber();
        RawHttp.Answer jsonNamesInAForm = http.send("POST", "/api/v1/auth/login-or-register", jsonNames.getBytes(UTF_8),
                "Content-Type: application/x-www-form-urlencoded");
        assertThat(jsonNamesInAForm.status()).isEqualTo(400);
        assertThat(jsonNamesInAForm.text()).isEqualTo(MISSING);

        byte[] json = ("{\"student_id\":\"" + student.studentId() + "\",\"name\":\"" + student.name()
                + "\",\"phone_number\":\"" + student.phoneNumber() + "\"}").getBytes(UTF_8);
        assertThat(http.send("POST", "/api/v1/auth/login-or-register", json,
                "Content-Type: Application/Vnd.Api+JSON; charset=utf-8").status()).isEqualTo(200);
        for (String type : new String[]{"text/plain", "application/octet-stream"}) {
            RawHttp.Answer refused = http.send("POST", "/api/v1/auth/login-or-register", json, "Content-Type: " + type);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text()).isEqualTo("Bad Request");
        }
        RawHttp.Answer noType = http.send("POST", "/api/v1/auth/login-or-register", json);
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.text()).isEqualTo("Bad Request");
    }

    @Test
    void multipartAndXmlBodiesAreReadByTheGoFieldNames() {
        Student student = Student.next();
        RawHttp http = new RawHttp(STACK.stack().baseUrl());
        String boundary = "b0undary";
        String multipart = part(boundary, "StudentId", student.studentId()) + part(boundary, "name", student.name())
                + part(boundary, "PHONE", student.phoneNumber()) + "--" + boundary + "--\r\n";

        RawHttp.Answer fromMultipart = http.send("POST", "/api/v1/auth/login-or-register", multipart.getBytes(UTF_8),
                "Content-Type: multipart/form-data; boundary=" + boundary);
        assertThat(fromMultipart.status()).as(fromMultipart.toString()).isEqualTo(201);

        String xml = "<LoginOrRegisterRequest><StudentID>" + student.studentId() + "</StudentID><Name>" + student.name()
                + "</Name><Phone>" + student.phoneNumber() + "</Phone></LoginOrRegisterRequest>";
        RawHttp.Answer fromXml = http.send("POST", "/api/v1/auth/login-or-register", xml.getBytes(UTF_8),
                "Content-Type: application/xml");
        assertThat(fromXml.status()).as(fromXml.toString()).isEqualTo(200);

        RawHttp.Answer brokenXml = http.send("POST", "/api/v1/auth/login-or-register", "<a>".getBytes(UTF_8),
                "Content-Type: text/xml");
        assertThat(brokenXml.status()).isEqualTo(400);
        assertThat(brokenXml.text()).isEqualTo("Bad Request");
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    @Test
    void theSerialIdIsTheDeployedHashOfTheIdentity() {
        ApiResponse response = api.loginOrRegister(new Student("2023321234", "홍길동", "01012345678"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).matches("\\{\"access_token\":\"[^\"]+\",\"refresh_token\":\"[A-Za-z0-9_-]{43}\","
                + "\"serial_id\":348405548997}");
    }

    static Stream<Student> identitiesAtTheLimits() {
        return Stream.of(
                new Student("2039000001", "이순신", "0101234567"),
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

        ApiResponse response = api.loginOrRegister(body(" " + student.studentId() + "\t\u3000",
                "\u00a0 " + student.name() + " \u2029", "\u0085" + student.phoneNumber() + "\n\u202f"));

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
        LocalDateTime issuedAt = ((Timestamp) stored.get("issued_at")).toLocalDateTime();
        LocalDateTime expiresAt = ((Timestamp) stored.get("expires_at")).toLocalDateTime();
        assertThat(Duration.between(issuedAt, expiresAt)).isBetween(Duration.ofHours(336).minusSeconds(5),
                Duration.ofHours(336).plusSeconds(5));
        assertThat(Duration.between(LocalDateTime.now(ZoneOffset.UTC).plusHours(336), expiresAt).abs())
                .isLessThan(Duration.ofMinutes(1));
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
        assertThat(jwt.getKeyId()).isEqualTo("hs256-main");
        assertThat(jwt.getType()).isEqualTo("JWT");
        assertThat(jwt.getIssuer()).isEqualTo("locker-server-prod");
        assertThat(jwt.getClaim("aud").asString()).isEqualTo("locker-app-users");
        assertThat(jwt.getId()).matches("[A-Za-z0-9_-]{22}");
        assertThat(Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(JWT.decode(api.login(session.student()).accessToken()).getId()).isNotEqualTo(jwt.getId());
    }

    @Test
    void storesAnEmptyUserAgentWhenTheHeaderIsAbsent() {
        Student student = Student.next();
        RawHttp.Answer answer = new RawHttp(STACK.stack().baseUrl()).send("POST", "/api/v1/auth/login-or-register",
                ("{\"student_id\":\"" + student.studentId() + "\",\"name\":\"" + student.name()
                        + "\",\"phone_number\":\"" + student.phoneNumber() + "\"}").getBytes(UTF_8),
                "Content-Type: application/json");
        assertThat(answer.status()).isEqualTo(201);

        long serialId = SerialId.of(student.studentId(), student.name(), student.phoneNumber());
        assertThat(inspector.value("SELECT user_agent FROM auth_refresh_tokens WHERE user_serial_id = ?", serialId))
                .isEqualTo("");
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
