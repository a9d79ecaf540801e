package locker.loadtest.simulation;

import locker.loadtest.results.ExitStatus;
import locker.testsupport.GatlingFork;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused setting ends the run as {@code ./mvnw gatling:test} starts it (Gatling's main class in its own JVM)
 * before the embedded stack starts: exit code 2, the settings message naming the setting, no stack trace.
 */
class SettingsRefusedIT {
    @TempDir
    Path results;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "TEST_LOCKERS_COUNT, 200000, 'TEST_LOCKERS_COUNT must be a whole number from 0 to 100000, was ''200000'''",
            "STUDENT_ID_START, 202310000, 'STUDENT_ID_START must be a whole number from 1000000000 to 9999999999, was ''202310000'''",
            "PROFILE, nope, 'PROFILE must be one of batch, rush, ramp, soak, capacity, was ''nope'''",
            "TOTAL_USERS, 100001, 'TOTAL_USERS must be a whole number from 1 to 100000, was ''100001'''"})
    void aRefusedSettingStopsTheRunBeforeTheStackStarts(String name, String value, String message) {
        GatlingFork.Result run = GatlingFork.run(LockerReservationSimulation.class, results,
                Map.of(name, value, "RESULTS_FILENAME", results.resolve("results.json").toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.BAD_SETTINGS.code());
        assertThat(run.output())
                .contains("invalid load-test settings (nothing was started or changed):", "  - " + message)
                .doesNotContain("embedded reference stack started", "seeded run", "\tat ", "Exception");
        assertThat(results.resolve("results.json")).doesNotExist();
    }
}
