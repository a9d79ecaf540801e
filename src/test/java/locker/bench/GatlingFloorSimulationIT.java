package locker.bench;

import locker.loadtest.results.ExitStatus;
import locker.testsupport.GatlingFork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The floor simulation runs only against a server given as BASE_URL, and says so without a stack trace. */
class GatlingFloorSimulationIT {
    @TempDir
    Path results;

    @Test
    void withoutBaseUrlItEndsWithTheSettingsStatusAndSaysWhy() {
        GatlingFork.Result run = GatlingFork.run(GatlingFloorSimulation.class, results, Map.of());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.BAD_SETTINGS.code());
        assertThat(run.output()).contains("BASE_URL must be set: the floor simulation runs against a server of its own")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void aBadSettingIsRefusedAsInEveryRun() {
        GatlingFork.Result run = GatlingFork.run(GatlingFloorSimulation.class, results, Map.of("TOTAL_USERS", "0"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.BAD_SETTINGS.code());
        assertThat(run.output()).contains("TOTAL_USERS must be a whole number from 1 to 100000, was '0'")
                .doesNotContain("\tat ", "Exception");
    }
}
