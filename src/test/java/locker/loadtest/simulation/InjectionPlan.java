package locker.loadtest.simulation;

import locker.config.LoadProfile;
import locker.config.LoadTestConfig;
import locker.config.Shard;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * How many students arrive when, for a profile: plain numbers, so that each profile's shape can be
 * checked without running Gatling. {@link LoadProfiles} turns a plan into Gatling injection steps.
 *
 * @param profile        the profile the plan is for
 * @param users          batch, rush and ramp: students in all
 * @param slots          batch: students running at once; each slot takes the next student when its
 *                       current one is done and {@code batchDelay} has passed
 * @param batchDelay     batch: pause between two students of a slot
 * @param arrivalWindow  rush, ramp and soak: how long students keep arriving
 * @param arrivalRate    soak: students per second
 * @param journeys       journeys per student (soak repeats; 1 otherwise)
 */
public record InjectionPlan(LoadProfile profile, int users, int slots, Duration batchDelay,
                            Duration arrivalWindow, double arrivalRate, int journeys) {

    /** This generator's part of the settings' load: all of it, or its shard's (SHARD_INDEX of SHARD_COUNT). */
    public static InjectionPlan of(LoadTestConfig config) {
        Shard shard = config.shard;
        int users = shard.size(config.totalUsers);
        LoadProfile arrival = config.profile.arrival().orElseThrow(() -> new IllegalArgumentException(
                "PROFILE=capacity is planned by locker.loadtest.capacity.CapacityPlan, not by an injection plan"));
        return switch (arrival) {
            case BATCH -> new InjectionPlan(LoadProfile.BATCH, users,
                    Math.max(1, Math.min(shard.size(config.concurrentUsers), users)), config.batchDelay, Duration.ZERO,
                    0, 1);
            case RUSH -> new InjectionPlan(LoadProfile.RUSH, users, 0, Duration.ZERO, Duration.ofSeconds(1), 0, 1);
            case RAMP -> new InjectionPlan(LoadProfile.RAMP, users, 0, Duration.ZERO, config.rampDuration, 0, 1);
            case SOAK -> new InjectionPlan(LoadProfile.SOAK, 0, 0, Duration.ZERO,
                    config.soakDuration, shard.share(config.soakArrivalRate), config.soakRepeats);
        };
    }

    /** Students the plan runs in all (for soak, the expected number: rate times duration). */
    public long totalUsers() {
        return profile == LoadProfile.SOAK ? Math.round(arrivalRate * arrivalWindow.toNanos() / 1e9) : users;
    }

    /** The most students running at once that the plan allows; empty for open models (no cap). */
    public OptionalInt concurrencyCap() {
        return profile == LoadProfile.BATCH ? OptionalInt.of(slots) : OptionalInt.empty();
    }
}
