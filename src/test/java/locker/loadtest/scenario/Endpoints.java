package locker.loadtest.scenario;

import io.gatling.http.response.Response;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;
import locker.contract.LockerAnswer;
import locker.contract.LockerList;
import locker.contract.MyLocker;
import locker.loadtest.anomalies.Call;
import locker.loadtest.anomalies.RequestJournal;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static locker.contract.Api.PREFIX;
import static locker.loadtest.scenario.SessionKeys.*;

/**
 * Every request of the locker API that the simulations send, with the checks that every caller
 * needs. Request names are templates ({@code POST /lockers/{id}/hold}), one per endpoint.
 */
public final class Endpoints {
    public static final String LOGIN = Call.LOG_IN.requestName();
    public static final String LIST_LOCKERS = Call.LIST_LOCKERS.requestName();
    public static final String HOLD = Call.HOLD.requestName();
    public static final String CONFIRM = Call.CONFIRM.requestName();
    public static final String RELEASE_HOLD = Call.GIVE_UP.requestName();
    public static final String RELEASE = Call.RELEASE.requestName();
    public static final String MY_LOCKER = Call.MY_LOCKER.requestName();

    /** The name of the check every answer passes; a failed request's message reads {@code expected answer, found 409 ...}. */
    public static final String EXPECTED_ANSWER = "expected answer";
    private static final String BEARER = "Bearer #{" + ACCESS_TOKEN + "}";
    private static final String SESSION_LOCKER = "#{" + LOCKER_ID + "}";

    private final Duration requestTimeout;

    public Endpoints(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The protocol: JSON in and out; MAX_CONNECTIONS above 0 shares one pool of that size. */
    public static HttpProtocolBuilder protocol(String baseUrl, int maxConnections) {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl + PREFIX)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("locker-loadtest")
                .disableWarmUp();
        return maxConnections > 0 ? protocol.shareConnections().maxConnectionsPerHost(maxConnections) : protocol;
    }

    /** Logs in the student of the session; keeps the access token (the answer must also carry the serial id). */
    public HttpRequestActionBuilder logIn() {
        return request(Call.LOG_IN)
                .body(StringBody(Endpoints::loginBody))
                .check(expectStatus(Call.LOG_IN))
                .check(bodyBytes().transform(body -> Login.parse(body).accessToken()).saveAs(ACCESS_TOKEN));
    }

    /** Lists the lockers; keeps how many there are and the ids of those without an owner ({@link LockerList}). */
    public HttpRequestActionBuilder listLockers() {
        return authorized(Call.LIST_LOCKERS)
                .check(expectStatus(Call.LIST_LOCKERS))
                .check(bodyBytes().transform(LockerList::parse).saveAs(LOCKERS));
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
        return answered(Call.HOLD, HOLD_STATUS, HOLD_ANSWER, accepted);
    }

    /** Confirms the session's locker; the answer is kept as {@link LockerAnswer} in CONFIRM_ANSWER, only 200 succeeds. */
    public HttpRequestActionBuilder confirm() {
        return answered(Call.CONFIRM, ANSWER_STATUS, CONFIRM_ANSWER, LockerAnswer.CONFIRMED);
    }

    /** Gives the held locker back; the answer is kept as {@link LockerAnswer} in GIVE_UP_ANSWER, only 200 succeeds. */
    public HttpRequestActionBuilder releaseHold() {
        return answered(Call.GIVE_UP, ANSWER_STATUS, GIVE_UP_ANSWER, LockerAnswer.GAVE_UP);
    }

    public HttpRequestActionBuilder release() {
        return authorized(Call.RELEASE).check(expectStatus(Call.RELEASE));
    }

    /** The name of the check that "my locker" shows the student's own locker. */
    public static final String MY_LOCKER_CHECK = "my locker";

    /** "My locker": must name the session's locker and student (kept as {@link MyLocker}); a mismatch fails the request. */
    public HttpRequestActionBuilder myLocker() {
        return authorized(Call.MY_LOCKER)
                .check(expectStatus(Call.MY_LOCKER))
                .check(bodyBytes().transform(MyLocker::parse)
                        .is(session -> new MyLocker(session.getInt(LOCKER_ID), session.getString(STUDENT_ID)))
                        .name(MY_LOCKER_CHECK).logActualValueInError(true).saveAs(MY_LOCKER_SHOWN));
    }

    /** "My locker" for a student who owns none. */
    public HttpRequestActionBuilder myLockerIsEmpty() {
        return authorized(Call.MY_LOCKER_EMPTY)
                // {"locker": null}: the key is there, its value is null (which a JMESPath check sees as "not found")
                .check(expectStatus(Call.MY_LOCKER_EMPTY))
                .check(substring("\"locker\"").exists(), jmesPath("locker").notExists());
    }

    /** A request on the session's locker whose answer is read as a {@link LockerAnswer}, saved under {@code answerKey}. */
    private HttpRequestActionBuilder answered(Call call, String statusKey, String answerKey, LockerAnswer... accepted) {
        return authorized(call)
                .check(status().saveAs(statusKey),
                        bodyBytes().transformWithSession((body, session) ->
                                call.lockerAnswer(session.getInt(statusKey), body)).saveAs(answerKey),
                        accepted(statusKey, answerKey, List.of(accepted)));
    }

    /**
     * The status must be one the call accepts; otherwise the request fails with the status and the body as
     * text in its message ({@code expected answer, found 503 Service Unavailable}), as the deployed server words
     * its errors.
     */
    static CheckBuilder.Final[] expectStatus(Call call) {
        List<Integer> expected = call.acceptedStatuses();
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
                        acceptable.test(session) ? EXPECTED_ANSWER : LockerAnswer.statusAndText(session.getInt(statusKey), body))
                .is(EXPECTED_ANSWER).name(EXPECTED_ANSWER).logActualValueInError(true);
    }

    /**
     * Every request: named, sent and routed as its call ({@code {id}} is the session's locker), with its timeout, and
     * its answer noted in the run's {@link RequestJournal}.
     */
    private HttpRequestActionBuilder request(Call call) {
        ApiRoute route = call.route();
        return http(call.requestName()).httpRequest(route.method(), route.path(SESSION_LOCKER))
                .requestTimeout(requestTimeout).transformResponse(recorded(call));
    }

    /** {@link #request(Call)} with the session's access token. */
    private HttpRequestActionBuilder authorized(Call call) {
        return request(call).header("Authorization", BEARER);
    }

    /**
     * The {@code transformResponse} that notes each answer to {@code call} in the {@link RequestJournal}, with the
     * session's student and locker; the response goes on unchanged.
     */
    public static BiFunction<Response, Session, Response> recorded(Call call) {
        return (response, session) -> {
            RequestJournal.record(call, response, session.getString(STUDENT_ID),
                    call.onLocker() ? session.getIntegerWrapper(LOCKER_ID) : null);
            return response;
        };
    }

    private static String loginBody(Session session) {
        return AuthFields.loginBody(session.getString(STUDENT_ID), session.getString(NAME),
                session.getString(PHONE_NUMBER));
    }
}
