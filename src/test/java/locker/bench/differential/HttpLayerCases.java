package locker.bench.differential;

import locker.contract.ApiRoute;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static locker.bench.differential.CaseKind.PATHS_HTTP;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;
import static locker.bench.differential.DiffCase.handMade;
import static locker.contract.Api.PREFIX;

/**
 * Paths, request lines and framing as the HTTP layer and the router meet them: odd paths, control characters, the
 * absolute form, {@code *}, oversized heads, Host, the protocol version, obs-fold, NUL, Content-Length and chunked
 * together, keep-alive, {@code Expect: 100-continue}, and the 404s and 405s of unknown routes and methods.
 */
final class HttpLayerCases {
    private HttpLayerCases() {}

    private static final String HEALTH = ApiRoute.HEALTH.fullPath();

    static List<CaseGroup> groups() {
        List<DiffCase> shared = new ArrayList<>();
        raw(shared, "GET //", get("//"));
        raw(shared, "GET /../nope", get("/../nope"));
        raw(shared, "GET /api/v1/../v1/health", get("/api/v1/../v1/health"));
        raw(shared, "GET /api//v1/health", get("/api//v1/health"));
        raw(shared, "GET /nope%zz", get("/nope%zz"));
        raw(shared, "GET /health%00", get("/health%00"));
        raw(shared, "GET /api/v1/health%00", get("/api/v1/health%00"));
        raw(shared, "GET /api/v1/%68ealth (a percent-escaped letter)", get("/api/v1/%68ealth"));
        raw(shared, "GET a path with a control character (0x01)", get("/api/v1/health\u0001"));
        raw(shared, "GET a path with DEL (0x7f)", get("/nope\u007f"));
        raw(shared, "GET a path with a tab", get("/api/v1/he\talth"));
        raw(shared, "GET a path with raw UTF-8 bytes", get("/" + WireRequest.bytes("사물함")));
        raw(shared, "GET a path with a byte that is not UTF-8", get("/caf\u00e9"));
        raw(shared, "GET absolute-form to the server itself", get("http://{authority}/api/v1/health"));
        raw(shared, "GET absolute-form naming another host", get("http://example.com/nope"));
        raw(shared, "GET *", get("*"));
        raw(shared, "OPTIONS *", head("OPTIONS * HTTP/1.1"));
        raw(shared, "GET with a header over 4 KB", get(HEALTH, "X-Long: " + "a".repeat(5_000)));
        raw(shared, "GET with headers over 8 KB", get(HEALTH, "X-Long: " + "a".repeat(4_000),
                "X-Longer: " + "b".repeat(5_000)));
        raw(shared, "GET a path over 4 KB", get("/" + "a".repeat(5_000)));
        raw(shared, "GET a query over 4 KB", get(HEALTH + "?q=" + "a".repeat(5_000)));
        raw(shared, "GET without Host", "GET " + HEALTH + " HTTP/1.1\r\nConnection: close\r\n\r\n");
        raw(shared, "GET with an empty Host", "GET " + HEALTH + " HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n");
        raw(shared, "GET with two Hosts", get(HEALTH, "Host: example.com"));
        raw(shared, "GET HTTP/1.2", head("GET " + HEALTH + " HTTP/1.2"));
        raw(shared, "GET HTTP/2.0", head("GET " + HEALTH + " HTTP/2.0"));
        raw(shared, "GET HTTP/0.9 (no version)", "GET " + HEALTH + "\r\n\r\n");
        raw(shared, "GET with a lower-case protocol name", head("GET " + HEALTH + " http/1.1"));
        raw(shared, "GET with an obs-fold header", get(HEALTH, "X-Folded: a\r\n b"));
        raw(shared, "GET with a NUL in a header value", get(HEALTH, "X-Nul: a\u0000b"));
        raw(shared, "GET with a space before a header's colon", get(HEALTH, "X-Space : a"));
        raw(shared, "GET with a header line without a colon", get(HEALTH, "NoColon"));
        raw(shared, "GET with bare LF line ends", "GET " + HEALTH + " HTTP/1.1\nHost: {authority}\nConnection: close\n\n");
        raw(shared, "GET after an empty line", "\r\n" + get(HEALTH));
        raw(shared, "GET with two spaces after the method", get(" " + HEALTH));
        raw(shared, "the method in lower case (get)", head("get " + HEALTH + " HTTP/1.1"));
        raw(shared, "an unknown method (FOO)", head("FOO " + HEALTH + " HTTP/1.1"));
        raw(shared, "PROPFIND", head("PROPFIND " + HEALTH + " HTTP/1.1"));
        raw(shared, "TRACE /", head("TRACE / HTTP/1.1"));
        raw(shared, "CONNECT", head("CONNECT {authority} HTTP/1.1"));
        raw(shared, "GET with Expect: something-else", get(HEALTH, "Expect: something-else"));
        raw(shared, "GET with Transfer-Encoding: gzip", get(HEALTH, "Transfer-Encoding: gzip"));
        shared.add(handMade(PATHS_HTTP, "HTTP/1.0 without keep-alive", run -> run.send("GET /health",
                WireRequest.get(HEALTH).version("HTTP/1.0").withoutHost().withoutClose().watchConnection())));
        shared.add(handMade(PATHS_HTTP, "HTTP/1.0 with Connection: keep-alive", run -> run.send("GET /health",
                WireRequest.get(HEALTH).version("HTTP/1.0").withoutClose().header("Connection", "keep-alive").watchConnection())));
        shared.add(client(PATHS_HTTP, "HTTP/1.1 without Connection: close", run -> run.send("GET /health",
                WireRequest.get(HEALTH).withoutClose().watchConnection())));
        shared.add(handMade(PATHS_HTTP, "two requests pipelined on one connection", run -> run.send("GET /health twice",
                WireRequest.raw("GET " + HEALTH + " HTTP/1.1\r\nHost: {authority}\r\n\r\nGET /nope HTTP/1.1\r\nHost: {authority}\r\n"
                        + "Connection: close\r\n\r\n").watchConnection())));

        routed(shared, "GET /nope", run -> WireRequest.get("/nope"));
        routed(shared, "GET /nope?x=1 (the query is not in the 404)", run -> WireRequest.get("/nope?x=1&y=%3Cb%3E"));
        routed(shared, "GET /<script> (escaped in the 404)", run -> WireRequest.get("/%3Cscript%3E"));
        routed(shared, "POST / (405)", run -> WireRequest.post("/"));
        routed(shared, "DELETE / (405)", run -> WireRequest.method("DELETE", "/"));
        routed(shared, "GET /api/v1/nope without a token", run -> WireRequest.get(PREFIX + "/nope"));
        routed(shared, "GET /api/v1/nope with a token", run -> WireRequest.get(PREFIX + "/nope").bearer(run.shared().accessToken()));
        routed(shared, "GET /api/v1x without a token", run -> WireRequest.get("/api/v1x"));
        routed(shared, "GET /api/v1/users/GetAllUsers with a token",
                run -> WireRequest.get(PREFIX + "/users/GetAllUsers").bearer(run.shared().accessToken()));
        routed(shared, "DELETE /api/v1/health without a token", run -> WireRequest.method("DELETE", HEALTH));
        routed(shared, "DELETE /api/v1/health with a token", run -> WireRequest.method("DELETE", HEALTH).bearer(run.shared().accessToken()));
        routed(shared, "PUT /api/v1/auth/refresh without a token", run -> WireRequest.method("PUT", ApiRoute.REFRESH.fullPath()));
        routed(shared, "PUT /api/v1/auth/refresh with a token", run -> WireRequest.method("PUT", ApiRoute.REFRESH.fullPath())
                .bearer(run.shared().accessToken()));
        routed(shared, "GET /api/v1/auth/login-or-register (405)", run -> WireRequest.get(ApiRoute.LOG_IN.fullPath()));
        routed(shared, "PATCH /api/v1/lockers with a token", run -> WireRequest.method("PATCH", ApiRoute.LOCKERS.fullPath())
                .bearer(run.shared().accessToken()));
        routed(shared, "GET /API/V1/HEALTH (paths ignore case)", run -> WireRequest.get("/API/V1/HEALTH"));
        routed(shared, "GET /api/v1/health/ (a trailing slash)", run -> WireRequest.get(HEALTH + "/"));
        routed(shared, "GET /api/v1/health?x=1", run -> WireRequest.get(HEALTH + "?x=1"));
        routed(shared, "GET /api/v1/lockers/ with a token (a trailing slash)", run -> WireRequest.get(PREFIX + "/lockers/")
                .bearer(run.shared().accessToken()));
        routed(shared, "HEAD /api/v1/lockers with a token", run -> WireRequest.method("HEAD", ApiRoute.LOCKERS.fullPath())
                .bearer(run.shared().accessToken()));
        routed(shared, "OPTIONS /api/v1/health without Origin", run -> WireRequest.method("OPTIONS", HEALTH));

        List<CaseGroup> groups = new ArrayList<>();
        groups.add(CaseGroup.sharingOneReset(PATHS_HTTP, shared));
        Student s = student(30);
        String json = s.loginJson();
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        groups.add(loginAlone(true, "login with Expect: 100-continue", s, () -> Cases.login(json).expectContinue()));
        groups.add(loginAlone(false, "login with Content-Length twice, the same value", s,
                () -> Cases.login(json).header("Content-Length", Integer.toString(jsonBytes.length))));
        groups.add(loginAlone(false, "login with Content-Length twice, different values", s,
                () -> Cases.login(json).header("Content-Length", "5").shortTimeout()));
        groups.add(loginAlone(false, "login with Content-Length and Transfer-Encoding: chunked", s,
                () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                        .header("Content-Type", "application/json").header("Content-Length", "5")
                        .header("Transfer-Encoding", "chunked").body(null, WireRequest.chunked(jsonBytes, 16))
                        .withoutContentLength().shortTimeout().watchConnection()));
        groups.add(loginAlone(true, "login with a chunked body", s, () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                .body(null, WireRequest.chunked(jsonBytes, 16)).withoutContentLength()));
        groups.add(loginAlone(false, "login with a chunk size that is not hex", s,
                () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                        .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                        .bodyBytes(null, "zz\r\n" + json + "\r\n0\r\n\r\n").withoutContentLength().shortTimeout()));
        groups.add(loginAlone(false, "login over HTTP/1.0", s,
                () -> Cases.login(json).version("HTTP/1.0").withoutClose().watchConnection()));
        return groups;
    }

    private static CaseGroup loginAlone(boolean client, String name, Student s, Supplier<WireRequest> request) {
        return CaseGroup.alone(Cases.sendsLogin(PATHS_HTTP, client, name, s, request));
    }

    /** {@code GET <target> HTTP/1.1}, as {@link #head}. */
    private static String get(String target, String... headerLines) {
        return head("GET " + target + " HTTP/1.1", headerLines);
    }

    /** The request line, Host, the header lines given, {@code Connection: close} and the empty line. */
    private static String head(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: {authority}\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private static void raw(List<DiffCase> cases, String name, String head) {
        cases.add(handMade(PATHS_HTTP, name, run -> run.send(name, WireRequest.raw(head).shortTimeout().watchConnection())));
    }

    private static void routed(List<DiffCase> cases, String name, Function<CaseRun, WireRequest> request) {
        cases.add(DiffCase.client(PATHS_HTTP, name, run -> run.send(name, request.apply(run))));
    }
}
