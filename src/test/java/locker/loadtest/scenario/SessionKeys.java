package locker.loadtest.scenario;

/** Names of the values a student's session carries from one step to the next. */
public final class SessionKeys {
    // from the feeder
    public static final String STUDENT_ID = "student_id";
    public static final String NAME = "name";
    public static final String PHONE_NUMBER = "phone_number";

    // log in
    public static final String ACCESS_TOKEN = "accessToken";

    // list lockers
    /** A {@link locker.contract.LockerList}. */
    public static final String LOCKERS = "lockers";

    // hold
    public static final String LOCKER_ID = "lockerId";
    public static final String TRIED_LOCKERS = "triedLockers";
    public static final String HOLD_STATUS = "holdStatus";
    /** The {@link LockerAnswer} to the last hold. */
    public static final String HOLD_ANSWER = "holdAnswer";
    /** The {@link LockerAnswer} to the last confirm. */
    public static final String CONFIRM_ANSWER = "confirmAnswer";
    /** The {@link LockerAnswer} to the last release-hold (giving the held locker back). */
    public static final String GIVE_UP_ANSWER = "giveUpAnswer";
    /** The status of the last answer of any other request. */
    public static final String ANSWER_STATUS = "answerStatus";
    public static final String HOLD_ATTEMPTS = "holdAttempts";
    public static final String HELD = "held";

    // my locker
    /** The {@link MyLocker} shown, when it is the student's own. */
    public static final String MY_LOCKER_SHOWN = "myLockerShown";

    /** Set when the student's journey has ended (no locker, lost race, gave up, failed request). */
    public static final String JOURNEY_OVER = "journeyOver";

    private SessionKeys() {}
}
