package locker.loadtest.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds Gatling run folders ({@code <simulation id>-<timestamp>} holding a simulation.log) in a results folder. */
public final class RunDirectories {
    private RunDirectories() {}

    /** Gatling's default simulation id: the class's simple name in lower case. */
    public static String simulationId(Class<?> simulationClass) {
        return simulationClass.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The newest run folder of that simulation whose log was written at or after {@code notBeforeMillis}. */
    public static Optional<Path> newestRun(Path resultsDirectory, String simulationId, long notBeforeMillis) {
        if (!Files.isDirectory(resultsDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(resultsDirectory)) {
            return children.filter(run -> Files.isRegularFile(run.resolve(GatlingLogReader.SIMULATION_LOG)))
                    .filter(run -> run.getFileName().toString().startsWith(simulationId + "-"))
                    .filter(run -> lastModified(run.resolve(GatlingLogReader.SIMULATION_LOG)) >= notBeforeMillis)
                    .max(Comparator.comparing(run -> run.getFileName().toString().substring(simulationId.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
