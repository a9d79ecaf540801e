package locker.config;

import java.util.Optional;

/** PROFILE: how the students of the journey arrive, or the capacity search, which runs levels of its own. */
public enum Profile {
    BATCH(LoadProfile.BATCH),
    RUSH(LoadProfile.RUSH),
    RAMP(LoadProfile.RAMP),
    SOAK(LoadProfile.SOAK),
    /**
     * Capacity search: levels of CAPACITY_START, times CAPACITY_FACTOR, ... up to CAPACITY_MAX students, each
     * looping the journey for CAPACITY_LEVEL_DURATION; stops after the first level that breaks a goal.
     */
    CAPACITY(null);

    private final LoadProfile arrival;

    Profile(LoadProfile arrival) {
        this.arrival = arrival;
    }

    /**
     * Whether a run has a throughput goal: ramp and soak set their own arrival rate, so their throughput follows the
     * settings, not the server, and the capacity search judges each level on its own.
     */
    public boolean hasThroughputGoal() {
        return this == BATCH || this == RUSH;
    }

    /** How the students arrive; empty for the capacity search. */
    public Optional<LoadProfile> arrival() {
        return Optional.ofNullable(arrival);
    }
}
