package locker.loadtest.scenario;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import locker.contract.LockerList;
import locker.loadtest.results.ResponseStatuses;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static locker.loadtest.scenario.SessionKeys.*;

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

    /** The name of the check every answer passes; a failed request's message reads {@code expected answer, found 409 ...}. */
    public static final String EXPECTED_ANSWER = "expected answer";
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

    /** Logs in the student of the session; keeps the access token (the answer must also carry the serial id). */
    public HttpRequestActionBuilder logIn() {
        return timed(http(LOGIN).post("/auth/login-or-register")
                .body(StringBody(Endpoints::loginBody))
                .check(expectStatus(200, 201))
                .check(bodyBytes().transform(body -> Login.parse(body).accessToken()).saveAs(ACCESS_TOKEN)));
    }

    /** Lists the lockers; keeps how many there are and the ids of those without an owner ({@link LockerList}). */
    public HttpRequestActionBuilder listLockers() {
        return timed(http(LIST_LOCKERS).get("/lockers")
                .header("Authorization", BEARER)
                .check(expectStatus(200))
                .check(bodyBytes().transform(LockerList::parse).saveAs(LOCKERS)));
    }

    /**
     * Holds the session's locker: 201 won it, 409 {@value LockerAnswer#ALREADY_HELD_TEXT} someone else was first;
     * both are answers, kept as {@link LockerAnswer} in HOLD_ANSWER (and the status in HOLD_STATUS). Any other
     * answer, the database's refusal included, fails the request.
     */
    public HttpRequestActionBuilder hold() {
        return hold(LockerAnswer.HELD, LockerAnswer.ALREADY_HELD);
    }

    /** Holds the session's locker, accepting only the given answers. */
    public HttpRequestActionBuilder hold(LockerAnswer... accepted) {
        return answered(HOLD, "/hold", HOLD_STATUS, LockerAnswer::ofHold, HOLD_ANSWER, accepted);
    }

    /** Confirms the session's locker; the answer is kept as {@link LockerAnswer} in CONFIRM_ANSWER, only 200 succeeds. */
    public HttpRequestActionBuilder confirm() {
        return answered(CONFIRM, "/confirm", ANSWER_STATUS, LockerAnswer::ofConfirm, CONFIRM_ANSWER,
                LockerAnswer.CONFIRMED);
    }

    /** Gives the held locker back; the answer is kept as {@link LockerAnswer} in GIVE_UP_ANSWER, only 200 succeeds. */
    public HttpRequestActionBuilder releaseHold() {
        return answered(RELEASE_HOLD, "/release-hold", ANSWER_STATUS, LockerAnswer::ofReleaseHold, GIVE_UP_ANSWER,
                LockerAnswer.GAVE_UP);
    }

    public HttpRequestActionBuilder release() {
        return lockerAction(RELEASE, "/release");
    }

    /** The name of the check that "my locker" shows the student's own locker. */
    public static final String MY_LOCKER_CHECK = "my locker";

    /** "My locker": must name the session's locker and student (kept as {@link MyLocker}); a mismatch fails the request. */
    public HttpRequestActionBuilder myLocker() {
        return timed(http(MY_LOCKER).get("/lockers/me")
                .header("Authorization", BEARER)
                .check(expectStatus(200))
                .check(bodyBytes().transform(MyLocker::parse)
                        .is(session -> new MyLocker(session.getInt(LOCKER_ID), session.getString(STUDENT_ID)))
                        .name(MY_LOCKER_CHECK).logActualValueInError(true).saveAs(MY_LOCKER_SHOWN)));
    }

    /** "My locker" for a student who owns none. */
    public HttpRequestActionBuilder myLockerIsEmpty() {
        return timed(http(MY_LOCKER).get("/lockers/me")
                .header("Authorization", BEARER)
                // {"locker": null}: the key is there, its value is null (which a JMESPath check sees as "not found")
                .check(expectStatus(200))
                .check(substring("\"locker\"").exists(), jmesPath("locker").notExists()));
    }

    /** A request on the session's locker whose answer is read as a {@link LockerAnswer}, saved under {@code answerKey}. */
    private HttpRequestActionBuilder answered(String name, String suffix, String statusKey,
                                              BiFunction<Integer, byte[], LockerAnswer> reading,
                                              String answerKey, LockerAnswer... accepted) {
        return timed(http(name).post(LOCKER_PATH + suffix)
                .header("Authorization", BEARER)
                .check(status().saveAs(statusKey),
                        bodyBytes().transformWithSession((body, session) ->
                                reading.apply(session.getInt(statusKey), body)).saveAs(answerKey),
                        accepted(statusKey, answerKey, List.of(accepted))));
    }

    private HttpRequestActionBuilder lockerAction(String name, String suffix) {
        return timed(http(name).post(LOCKER_PATH + suffix)
                .header("Authorization", BEARER)
                .check(expectStatus(200)));
    }

    /**
     * The status must be one of {@code statuses}; otherwise the request fails with the status and the body as
     * text in its message ({@code expected answer, found 503 Service Unavailable}), as the deployed server words
     * its errors.
     */
    static CheckBuilder.Final[] expectStatus(Integer... statuses) {
        List<Integer> expected = List.of(statuses);
        return new CheckBuilder.Final[] {
                status().saveAs(ANSWER_STATUS),
                expectedAnswer(ANSWER_STATUS, session -> expected.contains(session.getInt(ANSWER_STATUS)))};
    }

    private static CheckBuilder.Final accepted(String statusKey, String answerKey, List<LockerAnswer> accepted) {
        return expectedAnswer(statusKey, session -> accepted.contains(session.<LockerAnswer>get(answerKey)));
    }

    /** Passes when {@code acceptable}; fails naming the status and the body text otherwise. */
    private static CheckBuilder.Final expectedAnswer(String statusKey, java.util.function.Predicate<Session> acceptable) {
        return bodyBytes().transformWithSession((body, session) ->
                        acceptable.test(session) ? EXPECTED_ANSWER : message(session.getInt(statusKey), body))
                .is(EXPECTED_ANSWER).name(EXPECTED_ANSWER).logActualValueInError(true);
    }

    /** A failed request's message: its status and body as text, e.g. {@code 409 hold expired or not found}. */
    static String message(int status, byte[] body) {
        String text = LockerAnswer.text(body).replaceAll("\\s+", " ");
        return status + (text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    /** Every request: its timeout, and its response's status noted for the results ({@link ResponseStatuses}). */
    private HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return request.requestTimeout(requestTimeout).transformResponse(ResponseStatuses::record);
    }

    private static String loginBody(Session session) {
        return "{\"student_id\":\"" + quoted(session.getString(STUDENT_ID)) + "\",\"name\":\""
                + quoted(session.getString(NAME)) + "\",\"phone_number\":\"" + quoted(session.getString(PHONE_NUMBER))
                + "\"}";
    }

    private static String quoted(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
