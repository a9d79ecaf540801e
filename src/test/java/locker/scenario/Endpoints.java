package locker.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import locker.report.ResponseStatuses;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static locker.scenario.SessionKeys.*;

/**
 * Every request of the locker API that the simulations send, with the checks that every caller
 * needs. Request names are templates ({@code POST /lockers/{id}/hold}), one per endpoint.
 */
public final class Endpoints {
    public static final String API = "/api/v1";
    public static final String LOGIN = "POST /auth/login-or-register";
    public static final String LIST_LOCKERS = "GET /lockers";
    public static final String HOLD = "POST /lockers/{id}/hold";
    public static final String CONFIRM = "POST /lockers/{id}/confirm";
    public static final String RELEASE_HOLD = "POST /lockers/{id}/release-hold";
    public static final String RELEASE = "POST /lockers/{id}/release";
    public static final String MY_LOCKER = "GET /lockers/me";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer #{" + ACCESS_TOKEN + "}";
    private static final String LOCKER_PATH = "/lockers/#{" + LOCKER_ID + "}";

    private final Duration requestTimeout;

    public Endpoints(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The protocol: JSON in and out; MAX_CONNECTIONS above 0 shares one pool of that size. */
    public static HttpProtocolBuilder protocol(String baseUrl, int maxConnections) {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl + API)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("locker-loadtest")
                .disableWarmUp();
        return maxConnections > 0 ? protocol.shareConnections().maxConnectionsPerHost(maxConnections) : protocol;
    }

    /** Logs in the student of the session; keeps the access token and serial id. */
    public HttpRequestActionBuilder logIn() {
        return timed(http(LOGIN).post("/auth/login-or-register")
                .body(StringBody(Endpoints::loginBody))
                .check(status().in(200, 201),
                        jmesPath("access_token").saveAs(ACCESS_TOKEN),
                        jmesPath("serial_id").ofLong().saveAs(SERIAL_ID)));
    }

    /** Lists the lockers; keeps how many there are and the ids of those without an owner ({@link LockerList}). */
    public HttpRequestActionBuilder listLockers() {
        return timed(http(LIST_LOCKERS).get("/lockers")
                .header("Authorization", BEARER)
                .check(status().is(200),
                        bodyBytes().transform(LockerList::parse).saveAs(LOCKERS)));
    }

    /** Holds the session's locker: 201 won it, 409 someone else was first; both are answers, kept in HOLD_STATUS. */
    public HttpRequestActionBuilder hold() {
        return hold(201, 409);
    }

    /** Holds the session's locker, accepting only the given statuses. */
    public HttpRequestActionBuilder hold(Integer... acceptedStatuses) {
        return timed(http(HOLD).post(LOCKER_PATH + "/hold")
                .header("Authorization", BEARER)
                .check(status().in(acceptedStatuses).saveAs(HOLD_STATUS)));
    }

    public HttpRequestActionBuilder confirm() {
        return lockerAction(CONFIRM, "/confirm");
    }

    public HttpRequestActionBuilder releaseHold() {
        return lockerAction(RELEASE_HOLD, "/release-hold");
    }

    public HttpRequestActionBuilder release() {
        return lockerAction(RELEASE, "/release");
    }

    /** "My locker": must name the session's locker and student; a mismatch fails the request. */
    public HttpRequestActionBuilder myLocker() {
        return timed(http(MY_LOCKER).get("/lockers/me")
                .header("Authorization", BEARER)
                .check(status().is(200),
                        jmesPath("locker.locker_id").ofInt().optional().saveAs(MY_LOCKER_ID),
                        jmesPath("locker.owner").optional().saveAs(MY_LOCKER_OWNER),
                        jmesPath("locker.locker_id").ofInt().is(session -> session.getInt(LOCKER_ID)),
                        jmesPath("locker.owner").is(session -> session.getString(STUDENT_ID))));
    }

    /** "My locker" for a student who owns none. */
    public HttpRequestActionBuilder myLockerIsEmpty() {
        return timed(http(MY_LOCKER).get("/lockers/me")
                .header("Authorization", BEARER)
                // {"locker": null}: the key is there, its value is null (which a JMESPath check sees as "not found")
                .check(status().is(200), substring("\"locker\"").exists(), jmesPath("locker").notExists()));
    }

    private HttpRequestActionBuilder lockerAction(String name, String suffix) {
        return timed(http(name).post(LOCKER_PATH + suffix)
                .header("Authorization", BEARER)
                .check(status().is(200)));
    }

    /** Every request: its timeout, and its response's status noted for the results ({@link ResponseStatuses}). */
    private HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return request.requestTimeout(requestTimeout).transformResponse(ResponseStatuses::record);
    }

    private static String loginBody(Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", session.getString(STUDENT_ID));
        body.put("name", session.getString(NAME));
        body.put("phone_number", session.getString(PHONE_NUMBER));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
