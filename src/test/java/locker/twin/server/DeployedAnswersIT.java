package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.twin.RawHttp;
import locker.testsupport.twin.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers where the twin once differed from the deployed server, found by sending the same requests to both
 * (scripts/compare_servers.sh) on 2026-12-02; each expectation here is what the deployed server answered then.
 */
class DeployedAnswersIT {
    private static final String LOGIN = "/api/v1/auth/login-or-register";

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final RawHttp http = new RawHttp(STACK.stack().baseUrl());

    private static byte[] loginJson(Student student, byte[] name) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes(("{\"student_id\":\"" + student.studentId() + "\",\"name\":\"").getBytes(StandardCharsets.UTF_8));
        json.writeBytes(name);
        json.writeBytes(("\",\"phone_number\":\"" + student.phoneNumber() + "\"}").getBytes(StandardCharsets.UTF_8));
        return json.toByteArray();
    }

    private static byte[] loginJson(Student student) {
        return loginJson(student, student.name().getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Answer login(byte[] body, String... headers) {
        return http.send("POST", LOGIN, body, headers);
    }

    @Test
    void aStructuredSuffixNamesTheBodysTypeAndOnlyExactFormTypesAreForms() {
        Student xml = Student.next();
        String document = "<login><StudentID>" + xml.studentId() + "</StudentID><Name>" + xml.name() + "</Name><Phone>"
                + xml.phoneNumber() + "</Phone></login>";
        assertThat(login(document.getBytes(StandardCharsets.UTF_8), "Content-Type: application/soap+xml").status())
                .isEqualTo(201);
        assertThat(login(loginJson(Student.next()), "Content-Type: type/x+json").status()).isEqualTo(201);
        assertThat(login(loginJson(Student.next()), "Content-Type: application/problem+json; charset=utf-8").status())
                .isEqualTo(201);
        RawHttp.Answer suffixedForm = login(("StudentID=" + Student.next().studentId() + "&Name=a&Phone=01012345678")
                .getBytes(StandardCharsets.UTF_8), "Content-Type: application/x-www-form-urlencodedX");
        assertThat(suffixedForm.status()).isEqualTo(400);
        assertThat(suffixedForm.text()).isEqualTo("Bad Request");
        Student bracketed = Student.next();
        assertThat(login(("StudentID[]=" + bracketed.studentId() + "&Name[]=" + bracketed.name() + "&Phone="
                + bracketed.phoneNumber()).getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded").status()).as("Name[] is Name").isEqualTo(201);
        assertThat(login("StudentID[=1".getBytes(StandardCharsets.UTF_8), "Content-Type: application/x-www-form-urlencoded")
                .text()).as("an unmatched bracket").isEqualTo("Bad Request");
    }

    @Test
    void xmlWithADoctypeOrJunkAfterItsElementIsRead() {
        for (String around : new String[] {"<!DOCTYPE login>%s", "%s junk <<"}) {
            Student student = Student.next();
            String document = String.format(around, "<login><StudentID>" + student.studentId() + "</StudentID><Name>"
                    + student.name() + "</Name><Phone>" + student.phoneNumber() + "</Phone></login>");
            assertThat(login(document.getBytes(StandardCharsets.UTF_8), "Content-Type: application/xml").status())
                    .as(around).isEqualTo(201);
        }
    }

    @Test
    void compressedJsonBodiesAreDecodedAndABrokenOneIsRefused() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(loginJson(Student.next()));
        }
        assertThat(login(gzip.toByteArray(), "Content-Type: application/json", "Content-Encoding: gzip").status())
                .isEqualTo(201);
        ByteArrayOutputStream deflate = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflate)) {
            out.write(loginJson(Student.next()));
        }
        assertThat(login(deflate.toByteArray(), "Content-Type: application/json", "Content-Encoding: deflate").status())
                .isEqualTo(201);
        RawHttp.Answer broken = login(loginJson(Student.next()), "Content-Type: application/json",
                "Content-Encoding: gzip");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).isEqualTo("Bad Request");
        assertThat(login(loginJson(Student.next()), "Content-Type: application/json", "Content-Encoding: br").text())
                .as("a body that is not Brotli").isEqualTo("Bad Request");
        assertThat(login(loginJson(Student.next()), "Content-Type: application/json", "Content-Encoding: zstd")
                .status()).as("an encoding Fiber does not know leaves the body as it is").isEqualTo(201);
    }

    @Test
    void invalidUtf8AndLoneSurrogatesBecomeTheReplacementCharacterInTheStoredName() throws SQLException {
        Student invalid = Student.next();
        assertThat(login(loginJson(invalid, new byte[] {'a', 'b', (byte) 0xff, (byte) 0xfe, 'c', 'd'}),
                "Content-Type: application/json").status()).isEqualTo(201);
        assertThat(storedNameHex(invalid)).isEqualTo("6162efbfbdefbfbd6364");
        Student surrogate = Student.next();
        assertThat(login(loginJson(surrogate, "ab\\ud800cd".getBytes(StandardCharsets.US_ASCII)),
                "Content-Type: application/json").status()).isEqualTo(201);
        assertThat(storedNameHex(surrogate)).isEqualTo("6162efbfbd6364");
    }

    @Test
    void jsonBeyondJacksonsDefaultLimitsIsReadAsGoReadsIt() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        for (String extra : new String[] {deep, "1".repeat(2_000), "{\"" + "k".repeat(60_000) + "\":1}"}) {
            Student student = Student.next();
            String json = "{\"x\":" + extra + ",\"student_id\":\"" + student.studentId() + "\",\"name\":\""
                    + student.name() + "\",\"phone_number\":\"" + student.phoneNumber() + "\"}";
            assertThat(login(json.getBytes(StandardCharsets.UTF_8), "Content-Type: application/json").status())
                    .as(extra.substring(0, 10)).isEqualTo(201);
        }
    }

    @Test
    void theUserAgentIsStoredAsItsUtf8BytesAndTheLastOneCounts() throws SQLException {
        Student korean = Student.next();
        assertThat(login(loginJson(korean), "Content-Type: application/json", "User-Agent: 학생agent").status())
                .isEqualTo(201);
        assertThat(storedUserAgent(korean)).isEqualTo("학생agent");
        Student two = Student.next();
        assertThat(login(loginJson(two), "Content-Type: application/json", "User-Agent: first", "User-Agent: second")
                .status()).isEqualTo(201);
        assertThat(storedUserAgent(two)).isEqualTo("second");
    }

    /** The user is stored by one statement and the token by the next, which PostgreSQL refuses for bytes not UTF-8. */
    @Test
    void aUserAgentThatIsNotUtf8StoresTheUserThenFailsOnTheToken() throws SQLException {
        Student student = Student.next();
        byte[] body = loginJson(student);
        byte[] head = ("POST " + LOGIN + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nUser-Agent: caf\u00e9\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);

        RawHttp.Answer answer = http.sendRaw(request);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text()).isEqualTo("Internal Server Error");
        assertThat(stored("SELECT count(*) FROM users WHERE student_id = ?", student)).isEqualTo("1");
        assertThat(storedUserAgent(student)).isNull();
    }

    @Test
    void aMultipartFormThatDoesNotReadIs400WithGosErrorBeforeRouting() {
        String type = "Content-Type: multipart/form-data; boundary=x";
        String[][] cases = {
                {"--x\r\nContent-Disposition: form-data; name=\"StudentID\"\r\n\r\n9900000020\r\n", "unexpected EOF"},
                {"hello world", "multipart: NextPart: EOF"},
                {"--x\r\nbadheader\r\n\r\nv\r\n--x--\r\n", "malformed MIME header: missing colon: \"badheader\""}};
        for (String[] form : cases) {
            RawHttp.Answer answer = http.send("POST", "/no/such/route", form[0].getBytes(StandardCharsets.UTF_8), type);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text()).isEqualTo("cannot read multipart/form-data body: " + form[1]);
            assertThat(answer.header("Connection")).contains("close");
        }
        RawHttp.Answer endsInAHeader = http.send("POST", LOGIN, "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n"
                .getBytes(StandardCharsets.UTF_8), "Content-Type: multipart/form-data; boundary=\"x\"");
        assertThat(endsInAHeader.text()).isEqualTo("missing required fields: student_id, name, phone_number");
        Student student = Student.next();
        String form = "--x\r\nContent-Disposition: form-data; name=\"studentid\"\r\n\r\n" + student.studentId()
                + "\r\n--x\r\nContent-Disposition: form-data; name=\"Name\"\r\n\r\n" + student.name()
                + "\r\n--x\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n" + student.phoneNumber() + "\r\n--x--\r\n";
        assertThat(http.send("POST", LOGIN, form.getBytes(StandardCharsets.UTF_8), type).status()).isEqualTo(201);
        assertThat(http.send("POST", LOGIN, "--x\r\n".getBytes(StandardCharsets.UTF_8),
                "Content-Type: multipart/form-data").text()).as("no boundary: not read before routing").isEqualTo("Bad Request");
    }

    @Test
    void aBodyOverTheLimitIs413WithFasthttpsReasonPhraseBeforeItArrives() {
        RawHttp.Answer announced = http.sendRaw(("POST " + LOGIN + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                + "\r\nContent-Length: 5242880\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.reason()).isEqualTo("Request Entity Too Large");
        assertThat(announced.text()).isEqualTo("Request Entity Too Large");

        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(("POST " + LOGIN + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 65; i++) {
            chunked.writeBytes("10000\r\n".getBytes(StandardCharsets.US_ASCII));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer tooLong = http.sendRaw(chunked.toByteArray());
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.header("Connection")).contains("close");
    }

    @Test
    void aRequestLineAndHeadersOverFourKibibytesAre431InPlainText() {
        RawHttp.Answer tooLarge = http.send("GET", "/api/v1/health", "X-Pad: " + "a".repeat(5_000));
        assertThat(tooLarge.status()).isEqualTo(431);
        assertThat(tooLarge.reason()).isEqualTo("Request Header Fields Too Large");
        assertThat(tooLarge.text()).isEqualTo("Request Header Fields Too Large");
        assertThat(tooLarge.header("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(http.send("GET", "/api/v1/health", "X-Pad: " + "a".repeat(3_900)).status()).isEqualTo(200);
    }

    @Test
    void aDoubleSlashIsNoRouteAndCorsFollowsFibersRules() {
        RawHttp.Answer slashes = http.send("GET", "//");
        assertThat(slashes.status()).isEqualTo(404);
        assertThat(slashes.text()).isEqualTo("Cannot GET //");

        RawHttp.Answer options = http.send("OPTIONS", "/api/v1/lockers", "Origin: https://kucisc.kr");
        assertThat(options.header("Access-Control-Allow-Origin")).as("OPTIONS without a requested method is not CORS")
                .isEmpty();
        assertThat(options.header("Vary")).contains("Origin");
        for (String origin : new String[] {"https://kucİsc.kr", "https://\u212Aucisc.kr"}) {
            assertThat(http.send("GET", "/api/v1/health", "Origin: " + origin).header("Access-Control-Allow-Origin"))
                    .as("Go lower-cases %s to the allowed origin", origin).contains("https://kucisc.kr");
        }
    }

    private static String storedNameHex(Student student) throws SQLException {
        return stored("SELECT encode(convert_to(name, 'UTF8'), 'hex') FROM users WHERE student_id = ?", student);
    }

    private static String storedUserAgent(Student student) throws SQLException {
        return stored("SELECT t.user_agent FROM auth_refresh_tokens t JOIN users u ON u.serial_id = t.user_serial_id"
                + " WHERE u.student_id = ? ORDER BY t.id DESC LIMIT 1", student);
    }

    private static String stored(String sql, Student student) throws SQLException {
        try (Connection c = STACK.stack().openConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, student.studentId());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
