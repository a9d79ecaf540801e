package locker.twin.server;

import locker.testsupport.ConsoleCapture;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed route stack as a client sees it on the wire: order of checks, framework answers, headers, CORS. */
class HttpPipelineIT {
    private static final String TEXT = "text/plain; charset=utf-8";

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final RawHttp http = new RawHttp(STACK.stack().baseUrl());

    private String bearer() {
        return "Authorization: Bearer " + STACK.api().newSession().accessToken();
    }

    @Test
    void theRootAnswersBeforeAnyMiddlewareWithoutVary() {
        RawHttp.Answer get = http.send("GET", "/", "Origin: https://kucisc.kr");

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.text()).isEqualTo("Welcome to the Locker Reservation API");
        assertThat(get.header("Content-Type")).contains(TEXT);
        assertThat(get.header("Content-Length")).contains("37");
        assertThat(get.headerNames()).doesNotContain("vary", "access-control-allow-origin", "server",
                "content-encoding").contains("date");

        RawHttp.Answer head = http.send("HEAD", "/");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).contains("37");
        assertThat(head.body()).isEmpty();
        assertThat(head.headerNames()).doesNotContain("vary");
    }

    /**
     * A fault of the twin's own cannot be produced for real (no handler is known to fail so), so a step gate throws one
     * in the middle of a hold: the deployed recover middleware answers a panic 500 with its value as text, and the
     * twin answers with what was thrown, an Error too, and goes on serving.
     */
    @Test
    void aFaultInAHandlerIs500WithWhatWasThrownAsRecoverAnswersAPanic() {
        String bearer = bearer();
        try {
            STACK.stack().server().installStepGate((step, lockerId) -> {
                if (step == StepGate.Step.HOLD_BEFORE_SETNX && lockerId == 101) {
                    throw new AssertionError("fault in hold");
                }
                if (step == StepGate.Step.HOLD_BEFORE_SETNX) {
                    throw new IllegalStateException("fault");
                }
            });
            ConsoleCapture.Captured<RawHttp.Answer> logged = ConsoleCapture.capture(() ->
                    http.send("POST", "/api/v1/lockers/101/hold", bearer));
            RawHttp.Answer error = logged.result();
            RawHttp.Answer exception = http.send("POST", "/api/v1/lockers/102/hold", bearer);

            assertThat(logged.output()).as("a fault of the twin's own is logged with its trace")
                    .contains("POST /api/v1/lockers/101/hold failed", "java.lang.AssertionError: fault in hold", "\tat ");
            assertThat(error.status()).isEqualTo(500);
            assertThat(error.reason()).isEqualTo("Internal Server Error");
            assertThat(error.text()).isEqualTo("java.lang.AssertionError: fault in hold");
            assertThat(error.header("Content-Type")).contains(TEXT);
            assertThat(exception.status()).isEqualTo(500);
            assertThat(exception.text()).isEqualTo("java.lang.IllegalStateException: fault");
        } finally {
            STACK.stack().server().installStepGate(null);
        }
        assertThat(http.send("GET", "/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithTheAllowedMethodsInFibersOrder() {
        RawHttp.Answer post = http.send("POST", "/");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.text()).isEqualTo("Method Not Allowed");
        assertThat(post.header("Allow")).contains("GET, HEAD");
        assertThat(post.header("Vary")).contains("Origin");
        assertThat(post.header("Content-Type")).contains(TEXT);

        RawHttp.Answer getHold = http.send("GET", "/api/v1/lockers/1/hold", bearer());
        assertThat(getHold.status()).isEqualTo(405);
        assertThat(getHold.header("Allow")).contains("POST");

        RawHttp.Answer optionsRoot = http.send("OPTIONS", "/");
        assertThat(optionsRoot.status()).isEqualTo(405);
        assertThat(optionsRoot.header("Allow")).contains("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PROPFIND", "get", "Post", "FOO"})
    void aMethodFiberDoesNotKnowIs400BeforeAnyMiddleware(String method) {
        RawHttp.Answer answer = http.send(method, "/api/v1/lockers", "Origin: https://kucisc.kr");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).isEqualTo("Invalid http method");
        assertThat(answer.header("Content-Type")).contains(TEXT);
        assertThat(answer.headerNames()).doesNotContain("vary", "access-control-allow-origin");
    }

    @Test
    void anUnknownPathIs404NamingTheRawPathHtmlEscapedWithoutTheQuery() {
        RawHttp.Answer answer = http.send("GET", "/Nope/it's&more/?x=<1>");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).isEqualTo("Cannot GET /Nope/it&#39;s&amp;more/");
        assertThat(answer.header("Content-Type")).contains(TEXT);
        assertThat(answer.header("Vary")).contains("Origin");
        assertThat(http.send("DELETE", "/swaggerx").text()).isEqualTo("Cannot DELETE /swaggerx");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/nope", "PUT /api/v1/auth/login-or-register", "GET /api/v1/auth/refresh",
            "DELETE /api/v1/auth/logout", "POST /api/v1/lockers/abc/confirm", "POST /api/v1/lockers//hold",
            "GET /api/v1x", "GET /api/v1", "GET /API/V1/LOCKERS/", "GET /api/v1/users/GetAllUsers",
            "POST /api/v1/auth/logout-all", "POST /api/v1/lockers/101/hold", "OPTIONS /api/v1/lockers"})
    void everythingUnderTheApiPrefixExceptThePublicRoutesNeedsAToken(String request) {
        String[] methodAndPath = request.split(" ");

        RawHttp.Answer answer = http.send(methodAndPath[0], methodAndPath[1], "Origin: http://localhost:3000");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.text()).isEqualTo("Unauthorized");
        assertThat(answer.header("Content-Type")).contains(TEXT);
        assertThat(answer.header("Vary")).contains("Origin");
        // OPTIONS without Access-Control-Request-Method is outside CORS: no allowed origin (as measured, deployed)
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(methodAndPath[0].equals("OPTIONS")
                ? java.util.Optional.empty() : java.util.Optional.of("http://localhost:3000"));
    }

    @Test
    void withATokenUnmountedPathsUnderTheApiAre404AndAnEmptyParameterMatchesNoRoute() {
        String bearer = bearer();

        RawHttp.Answer users = http.send("GET", "/api/v1/users/GetAllUsers", bearer);
        assertThat(users.status()).isEqualTo(404);
        assertThat(users.text()).isEqualTo("Cannot GET /api/v1/users/GetAllUsers");

        RawHttp.Answer emptyId = http.send("POST", "/api/v1/lockers//hold", bearer);
        assertThat(emptyId.status()).isEqualTo(404);
        assertThat(emptyId.text()).isEqualTo("Cannot POST /api/v1/lockers//hold");

        RawHttp.Answer wrongMethodOnPublic = http.send("PUT", "/api/v1/auth/login-or-register", bearer);
        assertThat(wrongMethodOnPublic.status()).isEqualTo(405);
        assertThat(wrongMethodOnPublic.header("Allow")).contains("POST");
    }

    @Test
    void pathsMatchIgnoringCaseAndTrailingSlashes() {
        RawHttp.Answer health = http.send("GET", "/API/V1/Health//");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).isEqualTo("{\"db\":\"reachable\",\"redis\":\"reachable\",\"status\":\"healthy\"}");
        assertThat(health.header("Content-Type")).contains("application/json");

        RawHttp.Answer me = http.send("GET", "/Api/V1/Auth/ME/", bearer());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Content-Type")).contains("application/json");
    }

    @Test
    void headRunsTheGetHandlerAndSendsNoBody() {
        RawHttp.Answer head = http.send("HEAD", "/api/v1/health");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).contains("application/json");
        assertThat(head.header("Vary")).contains("Origin");
    }

    @Test
    void corsAddsTheLowerCasedAllowedOriginAndNeverRefusesAnother() {
        RawHttp.Answer allowed = http.send("GET", "/api/v1/health", "Origin: HTTPS://WWW.KUCISC.KR");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://www.kucisc.kr");
        assertThat(allowed.header("Vary")).contains("Origin");

        RawHttp.Answer other = http.send("GET", "/api/v1/health", "Origin: https://evil.example");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.headerNames()).doesNotContain("access-control-allow-origin");
        assertThat(other.header("Vary")).contains("Origin");

        RawHttp.Answer none = http.send("GET", "/api/v1/health");
        assertThat(none.header("Vary")).contains("Origin");
        assertThat(none.headerNames()).doesNotContain("access-control-allow-origin");
    }

    @Test
    void aPreflightIs204WithTheConfiguredHeadersOnAnyPathWithoutAToken() {
        for (String path : new String[]{"/api/v1/lockers/101/hold", "/nowhere", "/"}) {
            RawHttp.Answer preflight = http.send("OPTIONS", path, "Origin: https://kucisc.kr",
                    "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: authorization");

            assertThat(preflight.status()).as(path).isEqualTo(204);
            assertThat(preflight.body()).isEmpty();
            assertThat(preflight.header("Vary"))
                    .contains("Access-Control-Request-Method, Access-Control-Request-Headers, Origin");
            assertThat(preflight.header("Access-Control-Allow-Origin")).contains("https://kucisc.kr");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET,POST,HEAD,PUT,DELETE,PATCH");
            assertThat(preflight.header("Access-Control-Allow-Headers"))
                    .contains("Origin,Content-Type,Accept,Authorization");
            assertThat(preflight.headerNames()).doesNotContain("access-control-allow-credentials",
                    "access-control-max-age", "content-type");
        }
        RawHttp.Answer foreign = http.send("OPTIONS", "/api/v1/lockers", "Origin: https://evil.example",
                "Access-Control-Request-Method: GET");
        assertThat(foreign.status()).isEqualTo(204);
        assertThat(foreign.headerNames()).doesNotContain("access-control-allow-origin");
    }

    @Test
    void aBodyTheClientCutsShortIsLoggedInOneLineWithoutAStackTrace() {
        URI server = URI.create(STACK.stack().baseUrl());
        ConsoleCapture.Captured<String> cut = ConsoleCapture.capture(() -> {
            try (Socket socket = new Socket(server.getHost(), server.getPort())) {
                socket.setSoTimeout(60_000); // a server that never closes fails the test rather than hanging it
                socket.getOutputStream().write(("POST /api/v1/auth/login-or-register HTTP/1.1\r\nHost: locker\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"student_id\"")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.shutdownOutput();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(cut.output()).contains("POST /api/v1/auth/login-or-register: the client closed the connection before"
                + " the body ended").doesNotContain("\tat ");
    }

    @Test
    void aBodyOverFourMebibytesIs413() {
        byte[] tooLarge = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        RawHttp.Answer refused = http.send("POST", "/api/v1/auth/login-or-register", tooLarge,
                "Content-Type: application/json");
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text()).isEqualTo("Request Entity Too Large");
        assertThat(refused.header("Content-Type")).contains(TEXT);

        RawHttp.Answer atTheLimit = http.send("POST", "/api/v1/auth/login-or-register",
                Arrays.copyOf(tooLarge, tooLarge.length - 1), "Content-Type: application/json");
        assertThat(atTheLimit.status()).isEqualTo(400);
        assertThat(atTheLimit.text()).isEqualTo("Bad Request");
    }

    @Test
    void nothingIsCompressed() {
        RawHttp.Answer lockers = http.send("GET", "/api/v1/lockers", bearer(), "Accept-Encoding: gzip, br, deflate");

        assertThat(lockers.status()).isEqualTo(200);
        assertThat(lockers.headerNames()).doesNotContain("content-encoding", "server");
        assertThat(lockers.text()).startsWith("{\"lockers\":[");
    }

    @Test
    void jsonAnswersAreGoBytes() {
        String studentId = "2034000001";
        String name = "<김&철수>";
        RawHttp.Answer login = http.send("POST", "/api/v1/auth/login-or-register",
                ("{\"student_id\":\"" + studentId + "\",\"name\":\"" + name + "\",\"phone_number\":\"01012345678\"}")
                        .getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.header("Content-Type")).contains("application/json");
        String token = login.text().replaceAll("^\\{\"access_token\":\"([^\"]+)\".*", "$1");

        RawHttp.Answer me = http.send("GET", "/api/v1/auth/me", "Authorization: Bearer " + token);

        assertThat(me.text()).isEqualTo("{\"student_id\":\"2034000001\",\"name\":\"\\u003c김\\u0026철수\\u003e\","
                + "\"phone_number\":\"01012345678\"}");
        assertThat(me.header("Content-Length")).contains(Integer.toString(me.body().length));
    }
}
