package locker.loadtest.results;

import java.util.Arrays;
import java.util.Locale;

/** What happened to a student in the rush; counted apart from request successes and failures. */
public enum Outcome {
    HOLD_ATTEMPTS("hold attempts (requests)"),
    HOLDS_WON("holds won (201)"),
    /** The journey ended after 409s: someone else held every locker this student tried. */
    LOST_RACE("lost the race (409 on every locker tried)"),
    /**
     * A hold answered 409 {@value LockerAnswer#HOLD_FAILED_ON_DB_TEXT}: Redis let the student in, the database
     * refused the row. A failed request (see {@link LockerAnswer}).
     */
    HOLD_REFUSED_BY_DB(null),
    CONFIRMED("confirmed"),
    /**
     * A confirm answered 409 ({@value LockerAnswer#HOLD_EXPIRED_TEXT} or {@value LockerAnswer#CONFLICT_TEXT})
     * after the hold had been answered 201: the student lost a locker the server had given them. A failed request.
     */
    CONFIRM_REFUSED(null),
    GIVEN_UP("given up (hold released)"),
    /**
     * A release-hold answered 404 {@value LockerAnswer#NO_HOLD_TEXT} after the hold had been answered 201: the
     * server had already expired the hold the student was giving back. A failed request.
     */
    GIVE_UP_REFUSED("give-up refused (404, hold already expired)"),
    /** The list showed no free locker: the rush was over for this student. */
    NO_LOCKER_AVAILABLE("no free locker in the list"),
    OWNERSHIP_VERIFIED("\"my locker\" verified"),
    OWNERSHIP_MISMATCHED("\"my locker\" mismatched"),
    RELEASED("released after confirming");

    /** The words of the reports; null where the name says it. */
    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The name in the results file, e.g. {@code lost_race}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a key of the results' {@code scenario_outcomes} means, in words; a key without words of its own reads as
     * its name ({@code hold_refused_by_db}: "hold refused by db").
     */
    public static String label(String key) {
        return Arrays.stream(values()).filter(outcome -> outcome.key().equals(key) && outcome.label != null)
                .findFirst().map(outcome -> outcome.label).orElse(key.replace('_', ' '));
    }
}
