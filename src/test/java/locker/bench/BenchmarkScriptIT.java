package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.testsupport.BenchmarkScript;
import locker.testsupport.ProjectScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code scripts/benchmark.sh} as a user runs it, on its two shortest steps. */
class BenchmarkScriptIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BenchmarkScript benchmark = new BenchmarkScript();

    @Test
    void aBadOptionIsRefusedBeforeAnythingRuns() throws Exception {
        ProjectScript.Result result = benchmark.run("--only", "headline,warp");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo("benchmark: --only takes some of headline, rush, large-rush, server, seeding, "
                + "startup, ceiling; was 'warp'\n");
        assertThat(benchmark.run("--help").output()).startsWith("usage: scripts/benchmark.sh [--quick]");
    }

    @Test
    void aRunThatLeavesNoResultsMakesTheBenchmarkFail() throws Exception {
        Path out = benchmark.dir().resolve("benchmark_results.json");
        // every run reads the settings from the environment too: this one stops before it starts
        ProjectScript.Result result = benchmark.run(Map.of("CONFIRMATION_RATE", "2"), "--quick", "--only", "startup", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("no results file (exit status 1", "benchmark: a run left no results");
        JsonNode row = JSON.readTree(out.toFile()).path("rows").get(0);
        assertThat(row.path("measured").asText()).startsWith("no results: exit status 1, see ");
        assertThat(Files.readString(Path.of(row.path("details").path("runs").get(0).path("log").asText())))
                .contains("CONFIRMATION_RATE must be a number from 0.0 to 1.0, was '2'");
    }

    @Test
    void theStartUpSplitAndTheSeedingFiguresComeFromRealRuns() throws Exception {
        Path out = benchmark.dir().resolve("benchmark_results.json");
        ProjectScript.Result result = benchmark.run("--quick", "--only", "seeding,startup", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("figure", "start-up split of ./mvnw gatling:test", "written: " + out);
        JsonNode rows = JSON.readTree(out.toFile()).path("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("figure").asText()).isEqualTo("seed / restore 1,000 users + 150 lockers");
        assertThat(rows.get(0).path("details").path("attempts")).hasSize(2);
        assertThat(rows.get(1).path("figure").asText()).isEqualTo("seed / restore 100,000 users + 150 lockers");

        JsonNode startup = rows.get(2).path("details");
        JsonNode run = startup.path("runs").get(0);
        assertThat(run.path("exit_status").asInt()).isZero();
        double phases = 0;
        for (JsonNode phase : startup.path("phases_seconds")) {
            phases += phase.asDouble();
        }
        assertThat(phases).isCloseTo(run.path("wall_seconds").asDouble(), within(0.01));
        assertThat(startup.path("phases_seconds").path("run").asDouble()).isPositive();
        assertThat(startup.path("stack_start_seconds").asDouble())
                .isPositive().isLessThan(startup.path("phases_seconds").path("JVM + stack").asDouble());
        // the figures are those of the run's own results file
        JsonNode results = JSON.readTree(Path.of(run.path("results_file").asText()).toFile());
        assertThat(run.path("figures").path("requests").asLong())
                .isEqualTo(results.path("summary").path("total_requests").asLong())
                .isEqualTo(results.path("detailed_results").size());
        assertThat(run.path("figures").path("p95").asDouble())
                .isEqualTo(results.path("summary").path("p95_response_time").asDouble());
        // the phases are those of the run's timeline, which the run wrote in its results file
        List<String> phaseNames = new ArrayList<>();
        startup.path("phases_seconds").fieldNames().forEachRemaining(phaseNames::add);
        assertThat(phaseNames).containsExactly("build", "JVM + stack", "warm-up", "seed", "run", "invariants + restore",
                "report", "export", "end of Maven");
        List<String> milestones = new ArrayList<>();
        List<Long> moments = new ArrayList<>();
        results.path("timeline").fields().forEachRemaining(entry -> {
            milestones.add(entry.getKey());
            moments.add(entry.getValue().asLong());
        });
        assertThat(milestones).containsExactly("stack_started", "warmed_up", "seeded", "load_started", "load_ended",
                "restored", "report_written", "exported");
        assertThat(moments).isSorted();
        // where the run's CPU went: Gatling, the embedded server, PostgreSQL
        JsonNode cpu = run.path("cpu_seconds_during_run");
        assertThat(cpu.path("load JVM: gatling").asDouble()).isPositive();
        assertThat(cpu.path("load JVM: reference server").asDouble()).isPositive();
        assertThat(cpu.path("PostgreSQL").asDouble()).isPositive();
    }
}
