package locker.loadtest.anomalies;

import locker.contract.RedisKeys;

/**
 * The known defect of the deployed server that fits an anomaly's evidence, by the rules of {@link CauseRules}
 * (docs/results-and-report.md states them), or none. The keys R1 … R10 name the deployed server's races as
 * docs/deployed-service.md §8 numbers them (docs/twin-fidelity-lockers.md names the test that provokes each).
 */
public enum Cause {
    R1("R1", "another student's hold clean-up expired this fresh hold: its EXISTS found no key before this hold's "
            + "SET NX, its UPDATE ran after this hold's INSERT"),
    R2("R2", "the server's 10 s sweep expired this fresh hold: it listed the locker for an older hold row whose key "
            + "was gone, found no key before this hold's SET NX and expired the rows after its INSERT"),
    R3("R3", "an older hold's Redis key ran out between this hold's clean-up and its SET NX, so the older row was "
            + "still 'hold' when this hold's INSERT came"),
    R4("R4", "another student had confirmed this locker; confirm leaves the Redis key to run out, after which a hold "
            + "passes Redis and the database refuses it"),
    R5("R5", "another student's release or give-up of this locker deleted the Redis key without checking whose it "
            + "was, after this hold had set it; the keyless row was then expired"),
    R9("R9", "the student still held or owned another locker: the hold set the key, then the database refused a "
            + "second active row for the student"),
    R10("R10", "two first logins of one student at once clash on the users' primary key; the deployed server does "
            + "not retry"),
    HOLD_TIME_OVER("hold_time_over", "not a defect: the request came after the hold's " + RedisKeys.HOLD_SECONDS
            + " seconds"),
    UNEXPLAINED("unexplained", "no known defect of the deployed server fits the evidence");

    private final String key;
    private final String description;

    Cause(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** {@code R1} … {@code R10}, {@code hold_time_over} or {@code unexplained}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }
}
