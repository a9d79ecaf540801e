package locker.loadtest.anomalies;

import java.util.Locale;

/** The ways the server can break a promise to a student or to the data that a run can see. */
public enum AnomalyKind {
    /** A confirm refused (409) after the same student's hold of that locker was answered 201. */
    CONFIRM_REFUSED("confirm refused after a won hold"),
    /** A give-up (release-hold) refused (404) after the same student's hold of that locker was answered 201. */
    GIVE_UP_REFUSED("give-up refused after a won hold"),
    /** A hold of a locker the list showed free, let in by Redis and refused by the database (409). */
    HOLD_REFUSED_BY_DB("hold refused by the database"),
    /** "My locker" showing another locker or owner, or a locker where there should be none. */
    MY_LOCKER_MISMATCH("\"my locker\" shows another locker or owner"),
    /** A status or text the load test does not know for that request (a 5xx among them). */
    UNEXPECTED_ANSWER("answer the load test does not know"),
    /** A database invariant violated after the run. */
    INVARIANT_VIOLATED("database invariant violated");

    private final String label;

    AnomalyKind(String label) {
        this.label = label;
    }

    /** The name in the results file, e.g. {@code confirm_refused}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }
}
