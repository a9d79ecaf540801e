package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The {@code capacity} section of the results file.
 *
 * @param levels                    every level that ran, in order
 * @param largestStableLevel        students of the largest level that met every goal (0: none did)
 * @param firstBrokenLevel          students of the first level that broke a goal (null: none did)
 * @param brokenGoals               the goals that level broke
 * @param stoppedEarly              the search ended before its last planned level because a level broke a goal
 * @param stopReason                what the simulation saw when it stopped (null: it did not stop early)
 * @param meetsMinStableConcurrency {@code largestStableLevel >= goals.minStableConcurrency}; false fails the run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CapacityResult(CapacityGoals goals, List<Integer> plannedLevels, List<LevelFigures> levels,
                             int largestStableLevel, Integer firstBrokenLevel, List<String> brokenGoals,
                             boolean stoppedEarly, String stopReason, boolean meetsMinStableConcurrency) {
    public CapacityResult {
        plannedLevels = List.copyOf(plannedLevels);
        levels = List.copyOf(levels);
        brokenGoals = List.copyOf(brokenGoals);
    }

    /** One line: what the search found. */
    public String verdict() {
        String stable = largestStableLevel == 0 ? "no level met every goal"
                : "largest level meeting every goal: " + largestStableLevel + " concurrent students";
        String broken = firstBrokenLevel == null ? "no level broke a goal"
                : "first level to break one: " + firstBrokenLevel + " (" + String.join("; ", brokenGoals) + ")";
        return stable + "; " + broken + "; MIN_STABLE_CONCURRENCY " + goals.minStableConcurrency() + " "
                + (meetsMinStableConcurrency ? "met" : "NOT met");
    }
}
