package locker.config;

/** How students arrive ({@code PROFILE}). */
public enum LoadProfile {
    /** The original load test's model: TOTAL_USERS students, at most CONCURRENT_USERS at once, BATCH_DELAY before each slot takes the next. */
    BATCH,
    /** Everyone within one second: the moment the application window opens. */
    RUSH,
    /** Open model: TOTAL_USERS arriving evenly over RAMP_DURATION. */
    RAMP,
    /** A steady SOAK_ARRIVAL_RATE for SOAK_DURATION, each student repeating the journey SOAK_REPEATS times. */
    SOAK,
    /**
     * Capacity search: levels of CAPACITY_START, times CAPACITY_FACTOR, ... up to CAPACITY_MAX students, each
     * looping the journey for CAPACITY_LEVEL_DURATION; stops after the first level that breaks a goal.
     */
    CAPACITY
}
