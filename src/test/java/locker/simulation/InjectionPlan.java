package locker.simulation;

import locker.config.LoadProfile;
import locker.config.LoadTestConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How many students arrive when, for a profile: plain numbers, so that each profile's shape can be
 * checked without running Gatling. {@link LoadProfiles} turns a plan into Gatling injection steps.
 *
 * @param profile        the profile the plan is for
 * @param batchSizes     batch: students per batch, in order; each batch starts when the one before has finished
 * @param batchDelay     batch: pause before every batch but the first
 * @param users          rush and ramp: students arriving evenly over {@code arrivalWindow}
 * @param arrivalWindow  rush, ramp and soak: how long students keep arriving
 * @param arrivalRate    soak: students per second
 * @param journeys       journeys per student (soak repeats; 1 otherwise)
 */
public record InjectionPlan(LoadProfile profile, List<Integer> batchSizes, Duration batchDelay, int users,
                            Duration arrivalWindow, double arrivalRate, int journeys) {

    public static InjectionPlan of(LoadTestConfig config) {
        return switch (config.profile) {
            case BATCH -> new InjectionPlan(LoadProfile.BATCH, batches(config.totalUsers, config.concurrentUsers),
                    config.batchDelay, 0, Duration.ZERO, 0, 1);
            case RUSH -> new InjectionPlan(LoadProfile.RUSH, List.of(), Duration.ZERO, config.totalUsers,
                    Duration.ofSeconds(1), 0, 1);
            case RAMP -> new InjectionPlan(LoadProfile.RAMP, List.of(), Duration.ZERO, config.totalUsers,
                    config.rampDuration, 0, 1);
            case SOAK -> new InjectionPlan(LoadProfile.SOAK, List.of(), Duration.ZERO, 0,
                    config.soakDuration, config.soakArrivalRate, config.soakRepeats);
        };
    }

    /** Students the plan starts in all (for soak, the expected number: rate times duration). */
    public long totalUsers() {
        return switch (profile) {
            case BATCH -> batchSizes.stream().mapToLong(Integer::longValue).sum();
            case RUSH, RAMP -> users;
            case SOAK -> Math.round(arrivalRate * arrivalWindow.toNanos() / 1e9);
        };
    }

    /** The most students running at once that the plan allows; empty for open models (no cap). */
    public OptionalInt concurrencyCap() {
        return profile == LoadProfile.BATCH ? batchSizes.stream().mapToInt(Integer::intValue).max() : OptionalInt.empty();
    }

    private static List<Integer> batches(int total, int batchSize) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = total; left > 0; left -= batchSize) {
            sizes.add(Math.min(batchSize, left));
        }
        return List.copyOf(sizes);
    }
}
