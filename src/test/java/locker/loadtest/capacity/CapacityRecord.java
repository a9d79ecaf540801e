package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a capacity run leaves in its report folder ({@value #FILE_NAME}) for the analysis after the run:
 * the goals, the plan and the levels that ran, with when each ran.
 *
 * @param plannedLevels students of every planned level
 * @param levels        the levels that ran, in order
 * @param stopReason    why the search stopped before its last planned level; null when it did not
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CapacityRecord(CapacityGoals goals, double levelDurationSeconds, List<Integer> plannedLevels,
                             List<LevelWindow> levels, String stopReason) {
    public static final String FILE_NAME = "capacity-levels.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CapacityRecord {
        plannedLevels = List.copyOf(plannedLevels);
        levels = List.copyOf(levels);
    }

    public void writeTo(Path runDirectory) {
        try {
            JSON.writeValue(runDirectory.resolve(FILE_NAME).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDirectory.resolve(FILE_NAME), e);
        }
    }

    /** The record of a capacity run's folder; empty for the folders of other runs. */
    public static Optional<CapacityRecord> readFrom(Path runDirectory) {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), CapacityRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
