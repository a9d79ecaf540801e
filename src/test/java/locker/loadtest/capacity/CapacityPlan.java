package locker.loadtest.capacity;

import locker.config.LoadTestConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The levels of a capacity search: {@code start}, then each level {@code factor} times the one before
 * (rounded, and at least one student more), as long as it stays within {@code max}.
 *
 * @param levels        students of each level, increasing
 * @param levelDuration how long each level runs
 */
public record CapacityPlan(List<Integer> levels, Duration levelDuration) {
    public CapacityPlan {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a capacity search needs at least one level");
        }
    }

    public static CapacityPlan of(LoadTestConfig config) {
        return of(config.capacityStart, config.capacityFactor, config.capacityMax, config.capacityLevelDuration);
    }

    public static CapacityPlan of(int start, double factor, int max, Duration levelDuration) {
        List<Integer> levels = new ArrayList<>();
        for (long students = start; students <= max; students = Math.max(students + 1, Math.round(students * factor))) {
            levels.add((int) students);
        }
        return new CapacityPlan(levels, levelDuration);
    }

    /** Students of the largest level: as many test students as the search needs. */
    public int largestLevel() {
        return levels.get(levels.size() - 1);
    }
}
