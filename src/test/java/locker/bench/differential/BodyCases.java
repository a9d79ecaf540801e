package locker.bench.differential;

import locker.contract.ApiRoute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import static locker.bench.differential.CaseKind.BODIES;
import static locker.bench.differential.Cases.login;
import static locker.bench.differential.Cases.me;
import static locker.bench.differential.Cases.refreshJson;
import static locker.bench.differential.Cases.sendsLogin;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;
import static locker.bench.differential.DiffCase.handMade;

/**
 * The bodies of login-or-register, refresh and logout as the deployed body parser reads them: by Content-Type (JSON,
 * vendor types, form, multipart, XML), with odd bytes, deep or huge JSON, compression, sizes around the 4 MiB limit,
 * and the User-Agent stored with each refresh token.
 */
final class BodyCases {
    private BodyCases() {}

    private static final int MIB = 1024 * 1024;

    static List<CaseGroup> groups() {
        List<DiffCase> cases = new ArrayList<>();
        Student s = student(20);
        String json = s.loginJson();
        String form = "StudentID=" + s.studentId() + "&Name=" + urlEncoded(s.name()) + "&Phone=" + s.phone();
        String xml = "<LoginOrRegisterRequest><StudentID>" + s.studentId() + "</StudentID><Name>" + s.name() + "</Name><Phone>"
                + s.phone() + "</Phone></LoginOrRegisterRequest>";

        loginCase(cases, true, "JSON", s, "application/json", json);
        loginCase(cases, true, "JSON with charset=utf-8", s, "application/json; charset=utf-8", json);
        loginCase(cases, true, "JSON as text/json", s, "text/json", json);
        loginCase(cases, true, "JSON as application/vnd.api+json", s, "application/vnd.api+json", json);
        loginCase(cases, false, "JSON as type/x+json", s, "type/x+json", json);
        loginCase(cases, false, "JSON with a tab after the Content-Type (fasthttp keeps it)", s, "application/json\t", json);
        loginCase(cases, true, "JSON with the Content-Type in capitals", s, "APPLICATION/JSON", json);
        loginCase(cases, true, "JSON without a Content-Type", s, null, json);
        loginCase(cases, true, "JSON as text/plain", s, "text/plain", json);
        loginCase(cases, true, "JSON keys in capitals", s, "application/json", json.replace("student_id", "STUDENT_ID")
                .replace("phone_number", "Phone_Number"));
        loginCase(cases, true, "JSON with a key twice, the valid value last", s, "application/json",
                json.replace("{", "{\"name\":\"x\","));
        loginCase(cases, true, "JSON with unknown keys", s, "application/json", json.replace("{", "{\"extra\":[1,{\"a\":null}],"));
        loginCase(cases, true, "JSON null", s, "application/json", "null");
        loginCase(cases, true, "a JSON array", s, "application/json", "[" + json + "]");
        loginCase(cases, true, "JSON followed by more JSON", s, "application/json", json + "{}");
        loginCase(cases, true, "JSON followed by a line break", s, "application/json", json + "\n");
        loginCase(cases, true, "an empty JSON body", s, "application/json", "");
        loginCase(cases, true, "a student id as a JSON number", s, "application/json",
                json.replace("\"" + s.studentId() + "\"", s.studentId()));
        loginCase(cases, false, "an unknown key holding 1e999999", s, "application/json", json.replace("{", "{\"x\":1e999999,"));
        loginCase(cases, false, "an unknown key holding a 10,000-digit number", s, "application/json",
                json.replace("{", "{\"x\":" + "9".repeat(10_000) + ","));
        loginCase(cases, false, "a key of 1 MiB", s, "application/json", json.replace("{", "{\"" + "k".repeat(MIB) + "\":1,"));
        loginCase(cases, false, "JSON nested 9,999 deep", s, "application/json", json.replace("{", "{\"x\":" + nested(9_999) + ","));
        loginCase(cases, false, "JSON nested 10,001 deep", s, "application/json", json.replace("{", "{\"x\":" + nested(10_001) + ","));
        loginBytesCase(cases, "a name with invalid UTF-8 bytes", "application/json", s,
                WireRequest.bytes("{\"student_id\":\"" + s.studentId() + "\",\"name\":\"김") + "\u00ff\u00fe"
                        + WireRequest.bytes("\",\"phone_number\":\"" + s.phone() + "\"}"));
        loginBytesCase(cases, "a name with a UTF-8-encoded lone surrogate (ED A0 80)", "application/json", s,
                WireRequest.bytes("{\"student_id\":\"" + s.studentId() + "\",\"name\":\"김") + "\u00ed\u00a0\u0080"
                        + WireRequest.bytes("\",\"phone_number\":\"" + s.phone() + "\"}"));
        loginCase(cases, false, "a name with an escaped lone surrogate \\ud800", s, "application/json",
                json.replace("\"name\":\"", "\"name\":\"\\ud800"));
        loginCase(cases, false, "a name with an escaped NUL", s, "application/json", json.replace("\"name\":\"", "\"name\":\"\\u0000"));

        loginCase(cases, true, "form with the Go field names", s, "application/x-www-form-urlencoded", form);
        loginCase(cases, true, "form with the JSON names", s, "application/x-www-form-urlencoded",
                "student_id=" + s.studentId() + "&name=" + urlEncoded(s.name()) + "&phone_number=" + s.phone());
        loginCase(cases, true, "form with the Go field names in lower case", s, "application/x-www-form-urlencoded",
                form.replace("StudentID=", "studentid=").replace("Name=", "name=").replace("Phone=", "phone="));
        loginCase(cases, false, "form with a bracketed key Name[]=", s, "application/x-www-form-urlencoded",
                form.replace("Name=", "Name[]="));
        loginCase(cases, false, "form with a bracketed key Name[0]=", s, "application/x-www-form-urlencoded",
                form.replace("Name=", "Name[0]="));
        loginCase(cases, true, "form with Name twice", s, "application/x-www-form-urlencoded", form + "&Name=" + urlEncoded("이서연"));
        loginCase(cases, false, "form with a bad percent escape", s, "application/x-www-form-urlencoded", form + "&x=%zz");
        loginCase(cases, true, "multipart with the Go field names", s, "multipart/form-data; boundary=XyZ",
                multipart("XyZ", s, true));
        loginCase(cases, false, "multipart without a boundary", s, "multipart/form-data", multipart("XyZ", s, true));
        loginCase(cases, false, "multipart with a broken part (no closing boundary)", s, "multipart/form-data; boundary=XyZ",
                multipart("XyZ", s, false));
        loginCase(cases, true, "XML as application/xml", s, "application/xml", xml);
        loginCase(cases, true, "XML as text/xml", s, "text/xml", xml);
        loginCase(cases, false, "XML as application/soap+xml", s, "application/soap+xml", xml);
        loginCase(cases, true, "XML with the JSON names", s, "application/xml", xml.replace("StudentID>", "student_id>")
                .replace("Name>", "name>").replace("Phone>", "phone_number>"));
        loginCase(cases, false, "XML with a doctype", s, "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY n \""
                + s.name() + "\">]>" + xml);
        loginCase(cases, false, "XML with a doctype's entity in use", s, "application/xml", "<!DOCTYPE x [<!ENTITY n \""
                + s.name() + "\">]>" + xml.replace(s.name(), "&n;"));
        loginCase(cases, false, "XML followed by junk", s, "application/xml", xml + "<junk>&");
        loginCase(cases, false, "XML cut short", s, "application/xml", xml.substring(0, xml.length() - 10));

        loginSent(cases, false, "JSON with Content-Encoding: gzip", s, () -> login("application/json",
                gzip(json.getBytes(StandardCharsets.UTF_8))).header("Content-Encoding", "gzip"));
        loginSent(cases, false, "JSON with Content-Encoding: gzip that is not gzip", s,
                () -> login(json).header("Content-Encoding", "gzip"));
        loginSent(cases, false, "JSON with Content-Encoding: br that is not brotli", s,
                () -> login(json).header("Content-Encoding", "br"));
        loginSent(cases, true, "a JSON body of exactly 4 MiB", s,
                () -> login("application/json", padded(json, 4 * MIB)));
        loginSent(cases, true, "a JSON body of 4 MiB and one byte", s,
                () -> login("application/json", padded(json, 4 * MIB + 1)));
        loginSent(cases, false, "a chunked body over 4 MiB", s, () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                .body(null, WireRequest.chunked(padded(json, 4 * MIB + 200_000), 64 * 1024)).withoutContentLength());
        cases.add(handMade(BODIES, "login: Content-Length: 5242880 and no body", run -> run.send("login-or-register",
                WireRequest.post(ApiRoute.LOG_IN.fullPath()).header("Content-Type", "application/json")
                        .header("Content-Length", "5242880").shortTimeout())));
        cases.add(handMade(BODIES, "login: Content-Length: 100 and a body of 10 bytes", run -> run.send("login-or-register",
                WireRequest.post(ApiRoute.LOG_IN.fullPath()).header("Content-Type", "application/json")
                        .header("Content-Length", "100").bodyBytes(null, "{\"a\":\"bc\"}").withoutContentLength()
                        .shortTimeout())));

        loginSent(cases, false, "a User-Agent with UTF-8 bytes", s, () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                .header("User-Agent", "Mozilla/5.0 (사물함; Ünïcode)").json(json));
        loginSent(cases, false, "a User-Agent with a byte that is not UTF-8", s,
                () -> WireRequest.post(ApiRoute.LOG_IN.fullPath()).headerLine("User-Agent: caf\u00e9").json(json));
        loginSent(cases, false, "two User-Agent headers", s, () -> WireRequest.post(ApiRoute.LOG_IN.fullPath())
                .header("User-Agent", "first-agent").header("User-Agent", "second-agent").json(json));
        loginSent(cases, true, "no User-Agent", s, () -> WireRequest.post(ApiRoute.LOG_IN.fullPath()).json(json));
        loginSent(cases, true, "an empty User-Agent", s,
                () -> WireRequest.post(ApiRoute.LOG_IN.fullPath()).header("User-Agent", "").json(json));

        refreshCase(cases, true, "form with the Go field name", t -> WireRequest.post(ApiRoute.REFRESH.fullPath())
                .body("application/x-www-form-urlencoded", ("RefreshToken=" + t).getBytes(StandardCharsets.UTF_8)));
        refreshCase(cases, true, "form with the JSON name", t -> WireRequest.post(ApiRoute.REFRESH.fullPath())
                .body("application/x-www-form-urlencoded", ("refresh_token=" + t).getBytes(StandardCharsets.UTF_8)));
        refreshCase(cases, true, "XML", t -> WireRequest.post(ApiRoute.REFRESH.fullPath()).body("application/xml",
                ("<RefreshRequest><RefreshToken>" + t + "</RefreshToken></RefreshRequest>").getBytes(StandardCharsets.UTF_8)));
        refreshCase(cases, true, "JSON key in capitals", t -> WireRequest.post(ApiRoute.REFRESH.fullPath())
                .json("{\"REFRESH_TOKEN\":\"" + t + "\"}"));
        refreshCase(cases, true, "JSON null", t -> WireRequest.post(ApiRoute.REFRESH.fullPath()).json("null"));
        refreshCase(cases, true, "an empty JSON body", t -> WireRequest.post(ApiRoute.REFRESH.fullPath()).json(""));
        refreshCase(cases, true, "no Content-Type", t -> WireRequest.post(ApiRoute.REFRESH.fullPath()).body(null,
                refreshJson(t).getBytes(StandardCharsets.UTF_8)));
        refreshCase(cases, true, "a refresh token as a number", t -> WireRequest.post(ApiRoute.REFRESH.fullPath())
                .json("{\"refresh_token\":123}"));
        refreshCase(cases, true, "the refresh token padded with spaces", t -> WireRequest.post(ApiRoute.REFRESH.fullPath())
                .json("{\"refresh_token\":\" " + t + " \"}"));
        refreshCase(cases, false, "gzip JSON", t -> WireRequest.post(ApiRoute.REFRESH.fullPath()).header("Content-Encoding", "gzip")
                .body("application/json", gzip(refreshJson(t).getBytes(StandardCharsets.UTF_8))));
        logoutCase(cases, true, "JSON with the refresh token padded with spaces", (access, t) -> Cases.logout(
                "{\"refresh_token\":\"  " + t + "  \"}", access));
        logoutCase(cases, true, "form with the Go field name", (access, t) -> WireRequest.post(ApiRoute.LOG_OUT.fullPath()).bearer(access)
                .body("application/x-www-form-urlencoded", ("RefreshToken=" + t).getBytes(StandardCharsets.UTF_8)));
        logoutCase(cases, true, "a body that is not JSON, with a valid header", (access, t) -> WireRequest.post(ApiRoute.LOG_OUT.fullPath())
                .bearer(access).json("{"));
        logoutCase(cases, true, "text/plain", (access, t) -> WireRequest.post(ApiRoute.LOG_OUT.fullPath()).bearer(access)
                .body("text/plain", refreshJson(t).getBytes(StandardCharsets.UTF_8)));
        logoutCase(cases, false, "gzip JSON", (access, t) -> WireRequest.post(ApiRoute.LOG_OUT.fullPath()).bearer(access)
                .header("Content-Encoding", "gzip").body("application/json", gzip(refreshJson(t).getBytes(StandardCharsets.UTF_8))));
        return cases.stream().map(CaseGroup::alone).toList();
    }

    private static void loginCase(List<DiffCase> cases, boolean client, String what, Student s, String contentType, String body) {
        loginSent(cases, client, what, s, () -> login(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void loginBytesCase(List<DiffCase> cases, String what, String contentType, Student s, String byteString) {
        loginSent(cases, false, what, s, () -> Cases.post(ApiRoute.LOG_IN).bodyBytes(contentType, byteString));
    }

    private static void loginSent(List<DiffCase> cases, boolean client, String what, Student s,
                                  Supplier<WireRequest> request) {
        cases.add(sendsLogin(BODIES, client, "login: " + what, s, request));
    }

    /** Logs in, refreshes with the request given the refresh token, then uses what came back. */
    private static void refreshCase(List<DiffCase> cases, boolean client, String what,
                                Function<String, WireRequest> request) {
        cases.add(new DiffCase("refresh: " + what, BODIES, client, false, run -> {
            Session session = run.login(student(21));
            run.send("refresh", request.apply(session.refreshToken()));
            run.refresh("refresh again with the same refresh token (JSON)", session.refreshToken());
        }));
    }

    private static void logoutCase(List<DiffCase> cases, boolean client, String what,
                               BiFunction<String, String, WireRequest> request) {
        cases.add(new DiffCase("logout: " + what, BODIES, client, false, run -> {
            Session session = run.login(student(22));
            run.send("logout", request.apply(session.accessToken(), session.refreshToken()));
            run.send("GET /lockers/me with the access token", me(session.accessToken()));
            run.refresh("refresh with the refresh token", session.refreshToken());
        }));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** The login JSON with a {@code pad} key filling it to exactly {@code size} bytes. */
    static byte[] padded(String json, int size) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int fill = size - bytes.length - "\"pad\":\"\",".length();
        return json.replace("{", "{\"pad\":\"" + "x".repeat(fill) + "\",").getBytes(StandardCharsets.UTF_8);
    }

    private static String multipart(String boundary, Student s, boolean closed) {
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n";
        String body = String.format(part, "StudentID", s.studentId()) + String.format(part, "Name", s.name())
                + String.format(part, "Phone", s.phone());
        return closed ? body + "--" + boundary + "--\r\n" : body.substring(0, body.length() - 2) + "\r\n--" + boundary + "\r\nContent-Dispo";
    }

    private static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
