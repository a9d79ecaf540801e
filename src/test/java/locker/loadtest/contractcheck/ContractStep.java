package locker.loadtest.contractcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.Api;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;
import locker.contract.LockerAnswer;
import locker.contract.MyLocker;
import locker.testdata.TestUser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One behaviour the load test relies on, the request that provokes it and the answer the load test expects. The
 * steps run in the order of {@link #ALL}, each after the one before, so that each finds the state the earlier ones
 * left (a hold to lose, a hold to give up, a locker to show).
 */
public record ContractStep(String behaviour, Sender sender, String method, String pathTemplate, Body body,
                           Reading reading) {
    /** Who sends the request: its token (none: no Authorization header). */
    public enum Sender { NEWCOMER, OTHER, NONE }

    /** What the request carries. */
    public enum Body { LOG_IN_SENDER, LOG_IN_MALFORMED_ID, NONE }

    /** The answer the load test expects of a step, and what the server's answer reads as, in the same words. */
    interface Reading {
        String expected(ContractCast cast);

        String got(int status, byte[] body, ContractCast cast);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WITH_LOGIN_FIELDS = " with " + String.join(", ", AuthFields.ACCESS_TOKEN,
            AuthFields.REFRESH_TOKEN, AuthFields.SERIAL_ID);

    /** The steps, in the order they run; the lockers X and Y and the students are the check's own. */
    public static final List<ContractStep> ALL = List.of(
            step("a student's first login", Sender.NEWCOMER, ApiRoute.LOG_IN, Body.LOG_IN_SENDER, login(201)),
            step("a student's next login", Sender.NEWCOMER, ApiRoute.LOG_IN, Body.LOG_IN_SENDER, login(200)),
            step("a malformed student id is refused", Sender.NONE, ApiRoute.LOG_IN, Body.LOG_IN_MALFORMED_ID,
                    answer(400, Api.INVALID_STUDENT_ID_TEXT)),
            step("a second student logs in", Sender.OTHER, ApiRoute.LOG_IN, Body.LOG_IN_SENDER, login(200)),
            step("a request without a token is refused", Sender.NONE, ApiRoute.LOCKERS, Body.NONE,
                    answer(401, Api.UNAUTHORIZED_TEXT)),
            step("the list of lockers", Sender.NEWCOMER, ApiRoute.LOCKERS, Body.NONE, lockerList()),
            onLocker("a hold won", Sender.NEWCOMER, ApiRoute.HOLD, "X", answer(201, null)),
            onLocker("a hold lost to another student", Sender.OTHER, ApiRoute.HOLD, "X",
                    answer(409, LockerAnswer.ALREADY_HELD_TEXT)),
            onLocker("a second hold while holding one", Sender.NEWCOMER, ApiRoute.HOLD, "Y",
                    answer(409, LockerAnswer.HOLD_FAILED_ON_DB_TEXT)),
            onLocker("a confirm without a hold", Sender.OTHER, ApiRoute.CONFIRM, "X",
                    answer(409, LockerAnswer.HOLD_EXPIRED_TEXT)),
            onLocker("a give-up", Sender.NEWCOMER, ApiRoute.RELEASE_HOLD, "X", answer(200, null)),
            onLocker("a give-up without a hold", Sender.NEWCOMER, ApiRoute.RELEASE_HOLD, "X",
                    answer(404, LockerAnswer.NO_HOLD_TEXT)),
            onLocker("a hold won again", Sender.NEWCOMER, ApiRoute.HOLD, "Y", answer(201, null)),
            onLocker("a confirm", Sender.NEWCOMER, ApiRoute.CONFIRM, "Y", answer(200, null)),
            step("\"my locker\" shows the confirmed locker", Sender.NEWCOMER, ApiRoute.MY_LOCKER, Body.NONE,
                    myLocker(true)),
            onLocker("a release", Sender.NEWCOMER, ApiRoute.RELEASE, "Y", answer(200, null)),
            step("\"my locker\" after the release", Sender.NEWCOMER, ApiRoute.MY_LOCKER, Body.NONE, myLocker(false)),
            onLocker("a hold of a locker that does not exist", Sender.NEWCOMER, ApiRoute.HOLD, "UNKNOWN",
                    answer(409, LockerAnswer.HOLD_FAILED_ON_DB_TEXT)));

    private static ContractStep step(String behaviour, Sender sender, ApiRoute route, Body body, Reading reading) {
        return new ContractStep(behaviour, sender, route.method(), route.path(), body, reading);
    }

    /** A step on one of the check's lockers, named in the path as {@code {X}}, {@code {Y}} or {@code {UNKNOWN}}. */
    private static ContractStep onLocker(String behaviour, Sender sender, ApiRoute route, String locker, Reading reading) {
        return new ContractStep(behaviour, sender, route.method(), route.path("{" + locker + "}"), Body.NONE, reading);
    }

    /** The request as the table shows it: {@code POST /lockers/10000/hold as 9900000001}. */
    public String request(ContractCast cast) {
        return method + " " + cast.path(pathTemplate) + student(cast).map(student -> " as " + student.studentId())
                .orElse(body == Body.LOG_IN_MALFORMED_ID ? " with student id 12345" : " without a token");
    }

    public String path(ContractCast cast) {
        return cast.path(pathTemplate);
    }

    /** The JSON body, or null for none. */
    public String body(ContractCast cast) {
        return switch (body) {
            case LOG_IN_SENDER -> loginBody(student(cast).orElseThrow());
            case LOG_IN_MALFORMED_ID -> loginBody(new TestUser("12345", cast.newcomer().name(),
                    cast.newcomer().phoneNumber(), 0));
            case NONE -> null;
        };
    }

    public Optional<TestUser> student(ContractCast cast) {
        return switch (sender) {
            case NEWCOMER -> Optional.of(cast.newcomer());
            case OTHER -> Optional.of(cast.other());
            case NONE -> Optional.empty();
        };
    }

    /** The row of this step for the server's answer. */
    public ContractRow row(int status, byte[] answer, ContractCast cast) {
        return ContractRow.of(behaviour, request(cast), reading.expected(cast), reading.got(status, answer, cast));
    }

    /** The access token of a login answer, for the sender's next requests. */
    public static Optional<String> accessToken(int status, byte[] body) {
        if (status / 100 != 2) {
            return Optional.empty();
        }
        JsonNode token = tree(body).path(AuthFields.ACCESS_TOKEN);
        return token.isTextual() ? Optional.of(token.asText()) : Optional.empty();
    }

    /** A status, and the exact body text of an error ({@code null}: the status alone). */
    private static Reading answer(int status, String text) {
        return new Reading() {
            public String expected(ContractCast cast) {
                return text == null ? Integer.toString(status) : status + " " + text;
            }

            public String got(int actual, byte[] body, ContractCast cast) {
                return actual / 100 == 2 && text == null ? Integer.toString(actual) : LockerAnswer.statusAndText(actual, body);
            }
        };
    }

    /** A login answered with {@code status}, carrying what the load test reads (the token, the serial id) and the refresh token. */
    private static Reading login(int status) {
        return new Reading() {
            public String expected(ContractCast cast) {
                return status + WITH_LOGIN_FIELDS;
            }

            public String got(int actual, byte[] body, ContractCast cast) {
                if (actual / 100 != 2) {
                    return LockerAnswer.statusAndText(actual, body);
                }
                JsonNode answer = tree(body);
                List<String> missing = new ArrayList<>();
                if (!answer.path(AuthFields.ACCESS_TOKEN).isTextual()) {
                    missing.add(AuthFields.ACCESS_TOKEN);
                }
                if (!answer.path(AuthFields.REFRESH_TOKEN).isTextual()) {
                    missing.add(AuthFields.REFRESH_TOKEN);
                }
                if (!answer.path(AuthFields.SERIAL_ID).isIntegralNumber()) {
                    missing.add(AuthFields.SERIAL_ID);
                }
                return actual + (missing.isEmpty() ? WITH_LOGIN_FIELDS
                        : " without " + String.join(", ", missing));
            }
        };
    }

    /** The list shows both test lockers without an owner, each with its location, and the count of free lockers. */
    private static Reading lockerList() {
        return new Reading() {
            public String expected(ContractCast cast) {
                return "200 listing lockers " + cast.lockerX() + " and " + cast.lockerY()
                        + " free with location_id, and available_count";
            }

            public String got(int actual, byte[] body, ContractCast cast) {
                if (actual != 200) {
                    return LockerAnswer.statusAndText(actual, body);
                }
                JsonNode answer = tree(body);
                List<String> wrong = new ArrayList<>();
                for (int locker : new int[] {cast.lockerX(), cast.lockerY()}) {
                    JsonNode shown = null;
                    for (JsonNode element : answer.path("lockers")) {
                        if (element.path("locker_id").asInt() == locker) {
                            shown = element;
                        }
                    }
                    if (shown == null) {
                        wrong.add("without locker " + locker);
                    } else if (!shown.path("owner_serial_id").isMissingNode() && !shown.path("owner_serial_id").isNull()) {
                        wrong.add("locker " + locker + " owned");
                    } else if (!shown.path("location_id").isTextual()) {
                        wrong.add("locker " + locker + " without location_id");
                    }
                }
                if (!answer.path("available_count").isIntegralNumber()) {
                    wrong.add("without available_count");
                }
                return wrong.isEmpty() ? expected(cast) : "200 " + String.join(", ", wrong);
            }
        };
    }

    /** "My locker": the confirmed locker Y owned by the newcomer, or none. */
    private static Reading myLocker(boolean showsY) {
        return new Reading() {
            public String expected(ContractCast cast) {
                return "200 showing " + (showsY ? "locker " + cast.lockerY() + " of " + cast.newcomer().studentId()
                        : "no locker");
            }

            public String got(int actual, byte[] body, ContractCast cast) {
                if (actual != 200) {
                    return LockerAnswer.statusAndText(actual, body);
                }
                try {
                    return "200 showing " + MyLocker.parse(body);
                } catch (RuntimeException notMyLocker) {
                    return LockerAnswer.statusAndText(actual, body);
                }
            }
        };
    }

    private static String loginBody(TestUser student) {
        return AuthFields.loginBody(student.studentId(), student.name(), student.phoneNumber());
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode tree = body == null || body.length == 0 ? null : JSON.readTree(body);
            return tree == null ? JSON.missingNode() : tree;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
