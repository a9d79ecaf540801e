package locker.loadtest.results;

import java.util.Locale;

/** What happened to a student in the rush; counted apart from request successes and failures. */
public enum Outcome {
    HOLD_ATTEMPTS,
    HOLDS_WON,
    /** The journey ended after 409s: someone else held every locker this student tried. */
    LOST_RACE,
    /**
     * A hold answered 409 {@value LockerAnswer#HOLD_FAILED_ON_DB_TEXT}: Redis let the student in, the database
     * refused the row. A failed request (see {@link LockerAnswer}).
     */
    HOLD_REFUSED_BY_DB,
    CONFIRMED,
    /**
     * A confirm answered 409 ({@value LockerAnswer#HOLD_EXPIRED_TEXT} or {@value LockerAnswer#CONFLICT_TEXT})
     * after the hold had been answered 201: the student lost a locker the server had given them. A failed request.
     */
    CONFIRM_REFUSED,
    GIVEN_UP,
    /**
     * A release-hold answered 404 {@value LockerAnswer#NO_HOLD_TEXT} after the hold had been answered 201: the
     * server had already expired the hold the student was giving back. A failed request.
     */
    GIVE_UP_REFUSED,
    /** The list showed no free locker: the rush was over for this student. */
    NO_LOCKER_AVAILABLE,
    OWNERSHIP_VERIFIED,
    OWNERSHIP_MISMATCHED,
    RELEASED;

    /** The name in the results file, e.g. {@code lost_race}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
