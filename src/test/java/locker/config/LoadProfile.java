package locker.config;

/** How students arrive in a run of the journey: {@link Profile#arrival()} of every PROFILE but the capacity search. */
public enum LoadProfile {
    /** The original load test's model: TOTAL_USERS students, at most CONCURRENT_USERS at once, BATCH_DELAY before each slot takes the next. */
    BATCH,
    /** Everyone within one second: the moment the application window opens. */
    RUSH,
    /** Open model: TOTAL_USERS arriving evenly over RAMP_DURATION. */
    RAMP,
    /** A steady SOAK_ARRIVAL_RATE for SOAK_DURATION, each student repeating the journey SOAK_REPEATS times. */
    SOAK
}
