package locker.loadtest.anomalies;

import locker.contract.ApiRoute;
import locker.contract.LockerAnswer;
import locker.contract.MyLocker;

import java.util.List;

/**
 * Each request of the locker API that the load test sends, by its Gatling request name, and what its answer means
 * for the anomalies: which statuses a plain request accepts, and how a hold, a confirm or a give-up is read
 * ({@link LockerAnswer}). Two calls share {@code GET /lockers/me}: one expects the student's own locker, the other none.
 */
public enum Call {
    LOG_IN(ApiRoute.LOG_IN, 200, 201),
    LIST_LOCKERS(ApiRoute.LOCKERS, 200),
    HOLD(ApiRoute.HOLD),
    CONFIRM(ApiRoute.CONFIRM),
    GIVE_UP(ApiRoute.RELEASE_HOLD),
    RELEASE(ApiRoute.RELEASE, 200),
    /** "My locker", expected to show the student's locker owned by the student. */
    MY_LOCKER(ApiRoute.MY_LOCKER, 200),
    /** "My locker", expected to show no locker. */
    MY_LOCKER_EMPTY(ApiRoute.MY_LOCKER, 200);

    private final ApiRoute route;
    private final List<Integer> acceptedStatuses;

    Call(ApiRoute route, Integer... acceptedStatuses) {
        this.route = route;
        this.acceptedStatuses = List.of(acceptedStatuses);
    }

    public ApiRoute route() {
        return route;
    }

    /** The request's name in Gatling's report and log: the route's method and path, as {@code POST /lockers/{id}/hold}. */
    public String requestName() {
        return route.label();
    }

    /** The statuses a request of this call is checked against; empty for the calls read as a {@link LockerAnswer}. */
    public List<Integer> acceptedStatuses() {
        return acceptedStatuses;
    }

    /** Whether the request acts on the session's locker (its path names it, or "my locker" must show it). */
    public boolean onLocker() {
        return this != LOG_IN && this != LIST_LOCKERS && this != MY_LOCKER_EMPTY;
    }

    /** Whether the answer's body is kept even when it is a 2xx: only "my locker" needs it, to compare what it shows. */
    boolean keepsEveryBody() {
        return this == MY_LOCKER || this == MY_LOCKER_EMPTY;
    }

    /**
     * The {@link LockerAnswer} to a hold, a confirm or a give-up; {@link LockerAnswer#UNEXPECTED} for the other calls,
     * which are read by their status.
     */
    public LockerAnswer lockerAnswer(int status, byte[] body) {
        return switch (this) {
            case HOLD -> LockerAnswer.ofHold(status, body);
            case CONFIRM -> LockerAnswer.ofConfirm(status, body);
            case GIVE_UP -> LockerAnswer.ofReleaseHold(status, body);
            default -> LockerAnswer.UNEXPECTED;
        };
    }

    /**
     * What a recorded answer shows by itself, before the student's story is known: nothing wrong (null), a hold refused
     * by the database, a refused confirm or give-up (a broken promise only after a won hold, which the finder checks),
     * "my locker" showing what it should not, or an answer the load test does not know.
     */
    AnomalyKind kindOf(RecordedRequest request) {
        int status = request.status();
        return switch (this) {
            case HOLD, CONFIRM, GIVE_UP -> switch (lockerAnswer(status, request.body())) {
                case HELD, ALREADY_HELD, CONFIRMED, GAVE_UP -> null;
                case HOLD_REFUSED_BY_DB -> AnomalyKind.HOLD_REFUSED_BY_DB;
                case CONFIRM_REFUSED -> AnomalyKind.CONFIRM_REFUSED;
                case GIVE_UP_REFUSED -> AnomalyKind.GIVE_UP_REFUSED;
                case UNEXPECTED -> AnomalyKind.UNEXPECTED_ANSWER;
            };
            case MY_LOCKER, MY_LOCKER_EMPTY -> {
                if (!acceptedStatuses.contains(status)) {
                    yield AnomalyKind.UNEXPECTED_ANSWER;
                }
                MyLocker shown;
                try {
                    shown = MyLocker.parse(request.body());
                } catch (RuntimeException notMyLocker) {
                    yield AnomalyKind.UNEXPECTED_ANSWER;
                }
                boolean asExpected = this == MY_LOCKER ? shown.shows(request.lockerId(), request.student())
                        : shown.lockerId() == null;
                yield asExpected ? null : AnomalyKind.MY_LOCKER_MISMATCH;
            }
            default -> acceptedStatuses.contains(status) ? null : AnomalyKind.UNEXPECTED_ANSWER;
        };
    }
}
