package locker.scenario;

import java.util.Locale;

/** What happened to a student in the rush; counted apart from request successes and failures. */
public enum Outcome {
    HOLD_ATTEMPTS,
    HOLDS_WON,
    /** The journey ended after 409s: someone else held every locker this student tried. */
    LOST_RACE,
    CONFIRMED,
    GIVEN_UP,
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
