package locker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.RunResults;
import locker.bench.GeneratorCeiling.CeilingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The generator's cost from the load JVM's CPU readings, and the run's own saturation verdict. */
class CeilingFiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Double> cpu() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("load JVM: gatling", 6.0);
        cpu.put("load JVM: GC", 2.0);
        cpu.put("load JVM: JIT", 1.5);
        cpu.put("load JVM: other", 0.5);
        cpu.put("server JVM: reference server", 40.0);
        cpu.put("PostgreSQL", 30.0);
        return cpu;
    }

    @Test
    void theCostPerRequestIsTheLoadJvmsCpuAloneOverTheRequests() {
        CeilingFigures cost = CeilingFigures.of(200_000, cpu());

        assertThat(cost.cpuSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(cost.cpuMillisPerRequest()).isCloseTo(0.05, within(1e-12));
        assertThat(cost.requestsPerCoreSecond()).isCloseTo(20_000, within(1e-6));
        assertThat(cost.percentByGroup()).containsExactly(Map.entry("gatling", 60.0), Map.entry("GC", 20.0),
                Map.entry("JIT", 15.0), Map.entry("other", 5.0));
    }

    @Test
    void theCeilingGoalsReadTheCostTheFailuresAndTheGeneratorSection() {
        RunFigures clean = new RunFigures(200_000, 0, 40, 5_000, 5_000, 0.01, 0.02, 0.03, Map.of(), null, true, 40);
        RunFigures failing = new RunFigures(200_000, 1, 40, 5_000, 5_000, 0.01, 0.02, 0.03, Map.of(), null, true, 40);
        CeilingFigures atTheGoal = CeilingFigures.of(200_000, cpu());
        Optional<CeilingFigures.Generator> calm = Optional.of(new CeilingFigures.Generator(false, 0, 40, 0.5, 12));
        Optional<CeilingFigures.Generator> busy = Optional.of(new CeilingFigures.Generator(true, 31, 40, 0.9, 400));

        assertThat(GeneratorCeiling.JOURNEY_GOAL.metBy(new CeilingRun(clean, atTheGoal, calm))).isTrue();
        assertThat(GeneratorCeiling.JOURNEY_GOAL.metBy(new CeilingRun(clean, CeilingFigures.of(100_000, cpu()), calm)))
                .as("0.1 CPU ms per request").isFalse();
        assertThat(GeneratorCeiling.JOURNEY_GOAL.metBy(new CeilingRun(failing, atTheGoal, calm))).isFalse();
        assertThat(GeneratorCeiling.RUSH_GOAL.metBy(new CeilingRun(clean, atTheGoal, calm))).isTrue();
        assertThat(GeneratorCeiling.RUSH_GOAL.metBy(new CeilingRun(clean, atTheGoal, busy))).isFalse();
        assertThat(GeneratorCeiling.RUSH_GOAL.metBy(new CeilingRun(clean, atTheGoal, Optional.empty()))).isFalse();
        assertThat(GeneratorCeiling.RUSH_GOAL.metBy(new CeilingRun(failing, atTheGoal, calm))).isFalse();
    }

    @Test
    void withoutRequestsOrWithoutReadingsThereIsNoCost() {
        assertThatThrownBy(() -> CeilingFigures.of(0, cpu()))
                .hasMessage("a run without requests has no cost per request");
        assertThatThrownBy(() -> CeilingFigures.of(10, Map.of("PostgreSQL", 1.0)))
                .hasMessage("no CPU reading of the load JVM (is /proc readable?)");
    }

    @Test
    void theGeneratorSectionGivesTheRunsOwnVerdict() throws Exception {
        Optional<CeilingFigures.Generator> generator = CeilingFigures.Generator.of(RunResults.of(JSON.readTree("""
                {"summary": {}, "generator": {"samples": 40, "allowed_cores": "1", "allowed_core_count": 1,
                 "generator_cores_mean": 0.93, "timer_lag_max_millis": 412.0, "saturated_samples": 31,
                 "saturated": true}}""")));

        assertThat(generator).hasValue(new CeilingFigures.Generator(true, 31, 40, 0.93, 412.0));
        assertThat(generator.get().describe())
                .isEqualTo("saturated (31 of 40 s; generator 0.93 cores mean, timer lag max 412 ms)");
        assertThat(CeilingFigures.Generator.of(RunResults.of(JSON.readTree("{\"summary\": {}}")))).isEmpty();
    }

    @Test
    void theRowsTextLeadsWithItsOwnFigure() throws Exception {
        RunFigures run = RunFigures.of(RunResults.of(JSON.readTree("""
                {"summary": {"total_requests": 200000, "failed_requests": 0, "average_throughput": 5000,
                             "average_response_time": 0.01, "p95_response_time": 0.02, "p99_response_time": 0.03,
                             "scenario_outcomes": {"confirmed": 28571}},
                 "detailed_results": [{"start_time": 0.0, "response_time": 0.5},
                                      {"start_time": 39.5, "response_time": 0.5}]}""")));
        CeilingFigures cost = CeilingFigures.of(200_000, cpu());
        Optional<CeilingFigures.Generator> calm = Optional.of(new CeilingFigures.Generator(false, 0, 40, 0.5, 12));

        assertThat(GeneratorCeiling.ceilingText(cost, run, calm, false)).isEqualTo("20,000 req/s per generator core, "
                + "0.050 CPU ms per request (gatling 60 %, GC 20 %, JIT 15 %, other 5 %); 200,000 requests, "
                + "5,000 req/s, p95 0.020 s, 0 failed; generator not saturated (0 of 40 s; generator 0.50 cores mean,"
                + " timer lag max 12 ms)");
        assertThat(GeneratorCeiling.ceilingText(cost, run, Optional.empty(), true))
                .startsWith("p95 0.020 s, generator section missing; 200,000 requests");
    }

    @Test
    void aRunWithoutResultsFileCountsItsRequestsByGatlingsLastConsoleCount(@TempDir Path dir)
            throws Exception {
        Path log = dir.resolve("floor.log");
        Files.writeString(log, """
                > request count                                      |     4,990 |     4,990 |         -
                ...
                > request count                                      |   150,000 |   150,000 |         -
                """);
        assertThat(CeilingFigures.requestsInLog(log)).isEqualTo(150_000);

        Files.writeString(log, "BUILD FAILURE\n");
        assertThatThrownBy(() -> CeilingFigures.requestsInLog(log)).hasMessage("no request count in " + log);
    }
}
