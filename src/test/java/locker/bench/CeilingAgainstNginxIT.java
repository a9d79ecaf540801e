package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.testsupport.BenchmarkScript;
import locker.testsupport.ProjectScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's ceiling step against Debian's nginx as the canned server, with few students. It needs nginx,
 * so only the {@code nginx} profile runs it ({@code ./mvnw verify -Pnginx}; {@code .ci/run} installs nginx).
 */
class CeilingAgainstNginxIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BenchmarkScript benchmark = new BenchmarkScript();

    @Test
    void theCeilingRowsComeFromRunsAgainstTheNginxStub() throws Exception {
        Path out = benchmark.dir().resolve("benchmark_results.json");
        ProjectScript.Result result = benchmark.run("--only", "ceiling", "--ceiling-students", "300,300", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode rows = JSON.readTree(out.toFile()).path("rows");
        assertThat(rows).hasSize(3);
        JsonNode journey = rows.get(0);
        assertThat(journey.path("figure").asText()).startsWith("generator ceiling, journey of 300");
        assertThat(journey.path("goal").asText()).isEqualTo(GeneratorCeiling.JOURNEY_GOAL.text());
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

        // the floor under the journey: the same five requests per student, without the project's checks
        JsonNode floor = rows.get(1);
        assertThat(floor.path("figure").asText()).startsWith("Gatling's floor");
        assertThat(floor.path("met").asBoolean()).as(floor.toString()).isTrue();
        assertThat(floor.path("details").path("cost").path("requests").asLong()).isEqualTo(5 * 300);
        assertThat(floor.path("details").path("cost").path("cpuMillisPerRequest").asDouble()).isPositive();
        assertThat(floor.path("command").asText()).contains("-Dgatling.simulationClass=locker.bench.GatlingFloorSimulation");

        JsonNode rush = rows.get(2);
        assertThat(rush.path("figure").asText()).isEqualTo("generator ceiling, rush of 300");
        assertThat(rush.path("measured").asText()).startsWith("p95 ").contains("saturated (");
        assertThat(rush.path("details").path("runs").get(0).path("figures").path("failed").asLong()).isZero();
    }
}
