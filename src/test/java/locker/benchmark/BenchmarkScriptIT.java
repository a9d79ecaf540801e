package locker.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code scripts/benchmark.sh} as a user runs it, on its two shortest steps. */
class BenchmarkScriptIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Result(int exitCode, String output) {}

    private Result benchmark(String... arguments) throws Exception {
        return benchmark(Map.of(), arguments);
    }

    private Result benchmark(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/benchmark.sh"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("benchmark.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the benchmark ended within 5 minutes").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void aBadOptionIsRefusedBeforeAnythingRuns() throws Exception {
        Result result = benchmark("--only", "headline,warp");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).isEqualTo("benchmark: --only takes headline, rush, large-rush, server, seeding, "
                + "startup, ceiling; was 'warp'\n");
        assertThat(benchmark("--help").output()).startsWith("usage: scripts/benchmark.sh [--quick]");
    }

    @Test
    void aRunThatLeavesNoResultsMakesTheBenchmarkFail() throws Exception {
        Path out = dir.resolve("benchmark_results.json");
        // every run reads the settings from the environment too: this one stops before it starts
        Result result = benchmark(Map.of("CONFIRMATION_RATE", "2"), "--quick", "--only", "startup", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("no results file (exit status 1", "benchmark: a run left no results");
        JsonNode row = JSON.readTree(out.toFile()).path("rows").get(0);
        assertThat(row.path("measured").asText()).startsWith("no results: exit status 1, see ");
        assertThat(Files.readString(Path.of(row.path("details").path("runs").get(0).path("log").asText())))
                .contains("CONFIRMATION_RATE must be a number from 0.0 to 1.0, was '2'");
    }

    @Test
    void theStartUpSplitAndTheSeedingFiguresComeFromRealRuns() throws Exception {
        Path out = dir.resolve("benchmark_results.json");
        Result result = benchmark("--quick", "--only", "seeding,startup", "--out", out.toString());

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
        // where the run's CPU went: Gatling, the embedded server, PostgreSQL
        JsonNode cpu = run.path("cpu_seconds_during_run");
        assertThat(cpu.path("load JVM: gatling").asDouble()).isPositive();
        assertThat(cpu.path("load JVM: reference server").asDouble()).isPositive();
        assertThat(cpu.path("PostgreSQL").asDouble()).isPositive();
    }

    @Test
    void theCeilingRowsComeFromRunsAgainstTheNginxStub() throws Exception {
        Path out = dir.resolve("benchmark_results.json");
        Result result = benchmark("--only", "ceiling", "--ceiling-students", "300,300", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode rows = JSON.readTree(out.toFile()).path("rows");
        assertThat(rows).hasSize(2);
        JsonNode journey = rows.get(0);
        assertThat(journey.path("figure").asText()).startsWith("generator ceiling, journey of 300");
        assertThat(journey.path("goal").asText()).isEqualTo("≤ 0.05 CPU ms per request");
        assertThat(journey.path("measured").asText()).contains("req/s per generator core", "CPU ms per request");
        assertThat(journey.path("command").asText()).contains("taskset -c 1 ./mvnw gatling:test",
                "-DBASE_URL=http://127.0.0.1:<stub port>", "-DCONCURRENT_USERS=1000");
        JsonNode run = journey.path("details").path("runs").get(0);
        // every student went the whole journey against the stub: the canned "my locker" matched each of them
        JsonNode outcomes = JSON.readTree(Path.of(run.path("results_file").asText()).toFile())
                .path("summary").path("scenario_outcomes");
        assertThat(outcomes.path("confirmed").asLong()).as(outcomes.toString()).isEqualTo(300);
        assertThat(outcomes.path("ownership_verified").asLong()).as(outcomes.toString()).isEqualTo(300);
        assertThat(run.path("figures").path("failed").asLong()).isZero();
        JsonNode cost = journey.path("details").path("cost");
        assertThat(cost.path("cpuMillisPerRequest").asDouble()).isPositive();
        assertThat(cost.path("requests").asLong()).isEqualTo(run.path("figures").path("requests").asLong());
        assertThat(journey.path("details").path("stub_cpu_seconds").asDouble()).isNotNegative();
        assertThat(journey.path("details").path("generator").path("samples").asInt()).isPositive();

        JsonNode rush = rows.get(1);
        assertThat(rush.path("figure").asText()).isEqualTo("generator ceiling, rush of 300");
        assertThat(rush.path("measured").asText()).startsWith("p95 ").contains("saturated (");
        assertThat(rush.path("details").path("runs").get(0).path("figures").path("failed").asLong()).isZero();
    }
}
