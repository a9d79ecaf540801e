package locker.loadtest.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.simulation.LockerReservationSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load generator made to saturate: the Gatling JVM runs under {@code taskset -c 0}, so it, the embedded
 * stack inside it and that stack's PostgreSQL and Redis (which inherit the affinity) share one core, and a
 * rush of 3,000 students without think time asks far more of that core than it has on any machine. The
 * light counterpart is in {@code CapacitySearchIT}. Needs {@code taskset} (util-linux).
 */
class GeneratorSaturationIT {
    private static final long TIMEOUT_SECONDS = 420;

    @TempDir
    Path results;

    @Test
    void aGeneratorPinnedToOneCoreUnderARushIsFlaggedAndFailsTheRunUnderTheFailPolicy() throws Exception {
        Map<String, String> settings = Map.ofEntries(
                Map.entry("PROFILE", "rush"), Map.entry("TOTAL_USERS", "3000"),
                Map.entry("USER_THINK_TIME_MIN", "0"), Map.entry("USER_THINK_TIME_MAX", "0"),
                Map.entry("SERVER_WARM_UP", "0"), Map.entry("PER_USER_LOGGING", "off"),
                // only the generator's verdict may fail this run: the performance goals are out of reach on purpose
                Map.entry("MAX_MEAN_RESPONSE_TIME", "3600"), Map.entry("MAX_P95_RESPONSE_TIME", "3600"),
                Map.entry("MIN_SUCCESS_RATE", "0"), Map.entry("MIN_THROUGHPUT", "0"),
                Map.entry("GENERATOR_SATURATION", "fail"),
                Map.entry("RESULTS_FILENAME", results.resolve("results.json").toString()));

        Run run = runPinnedToCoreZero(settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.GENERATOR_SATURATED.code());
        JsonNode generator = new ObjectMapper().readTree(results.resolve("results.json").toFile()).path("generator");
        assertThat(generator.path("allowed_cores").asText()).isEqualTo("0");
        assertThat(generator.path("allowed_core_count").asInt()).isEqualTo(1);
        assertThat(generator.path("saturated").asBoolean()).as(generator.toString()).isTrue();
        assertThat(generator.path("fails_run").asBoolean()).isTrue();
        assertThat(generator.path("reasons").size()).isPositive();
        assertThat(generator.path("first_saturated_at").asText()).isNotEmpty();
        assertThat(run.output()).contains("WARNING: the load generator was saturated",
                "latency figures include the generator's own queueing", "GENERATOR_SATURATION=fail");
    }

    private record Run(int exitCode, String output) {}

    private Run runPinnedToCoreZero(Map<String, String> settings) throws IOException, InterruptedException {
        Path log = results.resolve("gatling-pinned.log");
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "0",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseParallelGC", "-DGATLING_RESULTS_DIR=" + results));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", LockerReservationSimulation.class.getName(), "--results-folder", results.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("this test needs taskset (util-linux) to pin the Gatling JVM to one core", e);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the pinned Gatling run did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
