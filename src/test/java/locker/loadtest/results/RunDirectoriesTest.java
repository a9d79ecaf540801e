package locker.loadtest.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class RunDirectoriesTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void theRunIsTheNewestFolderOfThatSimulationWrittenSinceTheStart(@TempDir Path results) throws IOException {
        run(results, "lockerreservationsimulation-20261124110000000", NOW - 60_000);
        Path current = run(results, "lockerreservationsimulation-20261124120000000", NOW + 1_000);
        run(results, "othersimulation-20261124130000000", NOW + 2_000);
        Files.createDirectories(results.resolve("lockerreservationsimulation-20261124140000000")); // no log

        assertThat(RunDirectories.newestRun(results, "lockerreservationsimulation", NOW)).contains(current);
        assertThat(RunDirectories.newestRun(results, "lockerreservationsimulation", NOW + 5_000)).isEmpty();
        assertThat(RunDirectories.newestRun(results.resolve("missing"), "lockerreservationsimulation", NOW)).isEmpty();
    }

    @Test
    void theSimulationIdIsGatlingsDefault() {
        assertThat(RunDirectories.simulationId(RunDirectoriesTest.class)).isEqualTo("rundirectoriestest");
    }

    private static Path run(Path results, String name, long logWrittenAt) throws IOException {
        Path run = Files.createDirectories(results.resolve(name));
        Path log = Files.writeString(run.resolve("simulation.log"), "x");
        Files.setLastModifiedTime(log, FileTime.fromMillis(logWrittenAt));
        return run;
    }
}
