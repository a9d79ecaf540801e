package locker.bench.differential;

import locker.contract.ApiRoute;

import java.util.ArrayList;
import java.util.List;

import static locker.bench.differential.CaseKind.CORS;
import static locker.bench.differential.CaseKind.SWAGGER;

/**
 * CORS as the deployed middleware applies it (allowed origins {@code https://www.kucisc.kr}, {@code https://kucisc.kr},
 * {@code http://localhost:3000}, compared after Go's Unicode lower-casing) and the Swagger routes.
 */
final class CorsAndSwaggerCases {
    private CorsAndSwaggerCases() {}

    /** "https://kucisc.kr" with a KELVIN SIGN (U+212A), which Go's strings.ToLower turns into "k". */
    static final String KELVIN_ORIGIN = "https://\u212Aucisc.kr";

    static List<CaseGroup> groups() {
        List<DiffCase> cors = new ArrayList<>();
        simple(cors, true, "an allowed Origin", "https://kucisc.kr");
        simple(cors, true, "the www Origin", "https://www.kucisc.kr");
        simple(cors, true, "the localhost:3000 Origin", "http://localhost:3000");
        simple(cors, false, "an allowed Origin in capitals", "HTTPS://KUCISC.KR");
        simple(cors, false, "an Origin that lower-cases to the allowed one through Unicode (KELVIN SIGN)", KELVIN_ORIGIN);
        simple(cors, true, "an Origin not allowed", "https://evil.example");
        simple(cors, false, "an allowed Origin with a trailing slash", "https://kucisc.kr/");
        simple(cors, true, "Origin null", "null");
        cors.add(DiffCase.client(CORS, "GET /api/v1/lockers without a token, allowed Origin (the 401's headers)",
                run -> run.send("GET /lockers", WireRequest.get(ApiRoute.LOCKERS.fullPath()).header("Origin", "https://kucisc.kr"))));
        cors.add(DiffCase.client(CORS, "GET /api/v1/lockers with a token, allowed Origin",
                run -> run.send("GET /lockers", WireRequest.get(ApiRoute.LOCKERS.fullPath()).bearer(run.shared().accessToken())
                        .header("Origin", "https://kucisc.kr"))));
        cors.add(DiffCase.client(CORS, "GET / with an allowed Origin (the root answers before CORS)",
                run -> run.send("GET /", WireRequest.get("/").header("Origin", "https://kucisc.kr"))));
        cors.add(DiffCase.client(CORS, "GET /nope with an allowed Origin",
                run -> run.send("GET /nope", WireRequest.get("/nope").header("Origin", "https://kucisc.kr"))));
        options(cors, true, "OPTIONS with an allowed Origin and no Access-Control-Request-Method", ApiRoute.LOCKERS.fullPath(),
                "https://kucisc.kr", null, null);
        options(cors, true, "a preflight from an allowed Origin", ApiRoute.LOCKERS.fullPath(), "https://kucisc.kr", "GET",
                "authorization, content-type");
        options(cors, true, "a preflight from an allowed Origin for POST login", ApiRoute.LOG_IN.fullPath(),
                "https://www.kucisc.kr", "POST", "content-type");
        options(cors, true, "a preflight from an Origin not allowed", ApiRoute.LOCKERS.fullPath(), "https://evil.example", "GET", null);
        options(cors, false, "a preflight from the KELVIN SIGN Origin", ApiRoute.LOCKERS.fullPath(), KELVIN_ORIGIN, "GET", null);
        options(cors, false, "a preflight with the method in lower case", ApiRoute.LOCKERS.fullPath(), "https://kucisc.kr", "get", null);
        options(cors, true, "a preflight asking for a header not allowed", ApiRoute.LOCKERS.fullPath(), "https://kucisc.kr", "GET", "x-custom");
        options(cors, false, "a preflight on an unknown path", "/nope", "https://kucisc.kr", "GET", null);
        options(cors, false, "a preflight on /", "/", "https://kucisc.kr", "GET", null);
        options(cors, false, "OPTIONS / without Access-Control-Request-Method", "/", "https://kucisc.kr", null, null);

        List<DiffCase> swagger = new ArrayList<>();
        document(swagger, true, "GET /swagger/doc.json", WireRequest.get("/swagger/doc.json"));
        get(swagger, true, "/swagger/index.html");
        get(swagger, true, "/swagger/");
        get(swagger, true, "/swagger");
        get(swagger, false, "/swagger/swagger-ui.css");
        get(swagger, false, "/swagger/swagger-ui-bundle.js");
        get(swagger, false, "/swagger/nope");
        get(swagger, true, "/swagger/swagger-ui.js.map");
        get(swagger, false, "/swagger/index.js");
        get(swagger, false, "/Swagger//x/");
        swagger.add(DiffCase.client(SWAGGER, "GET /swagger/swagger-ui.css modified since a later date (a browser's reload)",
                run -> run.send("GET /swagger/swagger-ui.css", WireRequest.get("/swagger/swagger-ui.css")
                        .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"))));
        document(swagger, false, "GET /swagger/doc.json?x=1", WireRequest.get("/swagger/doc.json?x=1"));
        swagger.add(DiffCase.client(SWAGGER, "HEAD /swagger/index.html",
                run -> run.send("HEAD /swagger/index.html", WireRequest.method("HEAD", "/swagger/index.html"))));
        swagger.add(DiffCase.client(SWAGGER, "POST /swagger/index.html",
                run -> run.send("POST /swagger/index.html", WireRequest.post("/swagger/index.html"))));
        document(swagger, true, "GET /swagger/doc.json with an allowed Origin",
                WireRequest.get("/swagger/doc.json").header("Origin", "https://kucisc.kr"));
        return List.of(CaseGroup.sharingOneReset(CORS, cors), CaseGroup.sharingOneReset(SWAGGER, swagger));
    }

    private static void simple(List<DiffCase> cases, boolean client, String what, String origin) {
        cases.add(new DiffCase("GET /api/v1/health with " + what, CORS, client, false,
                run -> run.send("GET /health", WireRequest.get(ApiRoute.HEALTH.fullPath()).header("Origin", origin))));
    }

    private static void options(List<DiffCase> cases, boolean client, String what, String path, String origin,
                                String method, String headers) {
        cases.add(new DiffCase(what, CORS, client, false, run -> {
            WireRequest request = WireRequest.method("OPTIONS", path).header("Origin", origin);
            if (method != null) {
                request.header("Access-Control-Request-Method", method);
            }
            if (headers != null) {
                request.header("Access-Control-Request-Headers", headers);
            }
            run.send("OPTIONS " + path, request);
        }));
    }

    /** The API document, compared by its {@link ApiDocumentOutline outline}. */
    private static void document(List<DiffCase> cases, boolean client, String what, WireRequest request) {
        cases.add(new DiffCase(what + " (its outline)", SWAGGER, client, false,
                run -> run.send(what, request, ApiDocumentOutline::of)));
    }

    private static void get(List<DiffCase> cases, boolean client, String path) {
        cases.add(new DiffCase("GET " + path, SWAGGER, client, false, run -> run.send("GET " + path, WireRequest.get(path))));
    }
}
