package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.loadtest.RunFolderFile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a capacity run leaves in its report folder (capacity-levels.json) for the analysis after the run:
 * the goals, the plan and the levels that ran, with when each ran.
 *
 * @param plannedLevels students of every planned level
 * @param levels        the levels that ran, in order
 * @param stopReason    why the search stopped before its last planned level; null when it did not
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CapacityRecord(CapacityGoals goals, double levelDurationSeconds, List<Integer> plannedLevels,
                             List<LevelWindow> levels, String stopReason) {
    private static final RunFolderFile<CapacityRecord> FILE =
            new RunFolderFile<>("capacity-levels.json", CapacityRecord.class);

    public CapacityRecord {
        plannedLevels = List.copyOf(plannedLevels);
        levels = List.copyOf(levels);
    }

    public void writeTo(Path runDirectory) {
        FILE.write(runDirectory, this);
    }

    /** The record of a capacity run's folder; empty for the folders of other runs. */
    public static Optional<CapacityRecord> readFrom(Path runDirectory) {
        return FILE.read(runDirectory);
    }
}
