package locker.loadtest.results.export;

import locker.loadtest.capacity.CapacityGoals;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.generator.GeneratorSample;
import locker.loadtest.results.ExitStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityAndGeneratorExitCodeTest {
    private static CapacityResult capacity(int largestStable) {
        return new CapacityResult(new CapacityGoals(1000, 3000, 95, 100, 100), List.of(50, 100, 200), List.of(),
                largestStable, 200, List.of("MAX_P95_RESPONSE_TIME"), false, null, largestStable >= 100);
    }

    private static GeneratorReport generator(boolean saturated, boolean failPolicy) {
        GeneratorSample sample = new GeneratorSample(0, 1, saturated ? 0.99 : 0.01, 0.5, 0.5, 1, Map.of());
        return GeneratorReport.of(List.of(sample), "0", 1, failPolicy, new long[0]);
    }

    @Test
    void aCapacityBelowTheMinimumFailsTheRunAndOneAtItDoesNot() {
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(capacity(50), null))
                .isEqualTo(ExitStatus.BELOW_MIN_STABLE_CONCURRENCY.code());
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(capacity(100), null)).isZero();
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(null, null)).as("other profiles").isZero();
    }

    @Test
    void aSaturatedGeneratorFailsTheRunOnlyUnderTheFailPolicy() {
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(null, generator(true, true)))
                .isEqualTo(ExitStatus.GENERATOR_SATURATED.code());
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(null, generator(true, false))).isZero();
        assertThat(ExportAtExit.capacityAndGeneratorExitCode(null, generator(false, true))).isZero();
    }
}
