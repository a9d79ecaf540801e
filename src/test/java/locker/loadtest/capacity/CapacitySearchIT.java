package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.simulation.LockerReservationSimulation;
import locker.testsupport.GatlingFork;
import locker.testsupport.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real capacity searches, each in a Gatling JVM of its own as {@code ./mvnw gatling:test -DPROFILE=capacity}
 * runs them, against one embedded stack: tiny levels and short durations. The second run also checks the
 * load generator's self-check on a light run (few students who think between requests).
 */
class CapacitySearchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    @TempDir
    Path results;

    @Test
    void aLevelThatBreaksAGoalEndsTheSearchAndALargestStableLevelBelowTheMinimumFailsTheRun() throws IOException {
        // no answer comes within 1 ms: the first level breaks MAX_P95_RESPONSE_TIME, levels 4 and 8 never run
        GatlingFork.Result run = run("CAPACITY_START", "2", "CAPACITY_MAX", "8", "CAPACITY_LEVEL_DURATION", "3",
                "MAX_P95_RESPONSE_TIME", "0.001");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.BELOW_MIN_STABLE_CONCURRENCY.code());
        JsonNode capacity = results().path("capacity");
        assertThat(capacity.path("planned_levels")).hasSize(3);
        assertThat(capacity.path("levels")).hasSize(1);
        assertThat(capacity.path("levels").get(0).path("requests").asLong()).isPositive();
        assertThat(capacity.path("stopped_early").asBoolean()).isTrue();
        assertThat(capacity.path("stop_reason").asText()).contains("level of 2 students broke MAX_P95_RESPONSE_TIME");
        assertThat(capacity.path("largest_stable_level").asInt()).isZero();
        assertThat(capacity.path("first_broken_level").asInt()).isEqualTo(2);
        assertThat(capacity.path("broken_goals").get(0).asText()).startsWith("MAX_P95_RESPONSE_TIME");
        assertThat(capacity.path("meets_min_stable_concurrency").asBoolean(true)).isFalse();
        // the run ended with the journeys under way: nothing confirmed was left unreleased or unaccounted for
        assertThat(results().path("invariants")).isNotEmpty().allSatisfy(invariant ->
                assertThat(invariant.path("passed").asBoolean()).as(invariant.toString()).isTrue());
        assertThat(run.output()).contains("Capacity search", "MIN_STABLE_CONCURRENCY 100 NOT met");
    }

    @Test
    void aSearchWhoseLevelsMeetEveryGoalReportsEachLevelAndALightGeneratorIsNotSaturated() throws IOException {
        GatlingFork.Result run = run("CAPACITY_START", "2", "CAPACITY_MAX", "4", "CAPACITY_LEVEL_DURATION", "8",
                "MIN_STABLE_CONCURRENCY", "4", "MIN_THROUGHPUT", "0.5", "MAX_MEAN_RESPONSE_TIME", "10",
                "MAX_P95_RESPONSE_TIME", "20", "GENERATOR_SATURATION", "fail");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode capacity = results().path("capacity");
        assertThat(capacity.path("levels")).hasSize(2);
        assertThat(capacity.path("levels").get(0).path("students").asInt()).isEqualTo(2);
        assertThat(capacity.path("levels").get(1).path("students").asInt()).isEqualTo(4);
        capacity.path("levels").forEach(level -> {
            assertThat(level.path("requests").asLong()).isPositive();
            assertThat(level.path("success_rate").asDouble()).isEqualTo(100.0);
            assertThat(level.path("p99_millis").asLong()).isGreaterThanOrEqualTo(level.path("p95_millis").asLong());
            assertThat(level.path("broken_goals")).isEmpty();
        });
        // the students loop, so they log in again and again: far more logins than the 4 students
        assertThat(results().path("endpoints").path(locker.loadtest.scenario.Endpoints.LOGIN).path("ok").asLong())
                .isGreaterThan(4);
        assertThat(capacity.path("largest_stable_level").asInt()).isEqualTo(4);
        assertThat(capacity.path("first_broken_level").isNull()).isTrue();
        assertThat(capacity.path("stopped_early").asBoolean(true)).isFalse();
        assertThat(capacity.path("meets_min_stable_concurrency").asBoolean()).isTrue();
        assertThat(results().path("invariants")).allSatisfy(invariant ->
                assertThat(invariant.path("passed").asBoolean()).as(invariant.toString()).isTrue());

        // Four students who think half a second to a second between requests keep Gatling's threads at a few
        // hundredths of a core; the thresholds (Saturation) are above what a machine busy with other work does to
        // such a generator, so the verdict does not depend on how busy this machine is.
        JsonNode generator = results().path("generator");
        assertThat(generator.path("samples").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(generator.path("generator_cores_mean").asDouble()).isLessThan(0.15);
        assertThat(generator.path("saturated").asBoolean(true)).as(generator.toString()).isFalse();
        assertThat(run.output()).doesNotContain("the load generator was saturated");
    }

    private GatlingFork.Result run(String... pairs) {
        Map<String, String> settings = new HashMap<>(STACK.stack().clientSettings());
        settings.put("RESULTS_FILENAME", results.resolve("results.json").toString());
        settings.put("PROFILE", "capacity");
        settings.put("USER_THINK_TIME_MIN", "0.5");
        settings.put("USER_THINK_TIME_MAX", "1");
        settings.put("TEST_LOCKERS_COUNT", "20");
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return GatlingFork.run(LockerReservationSimulation.class, results, settings);
    }

    private JsonNode results() throws IOException {
        return JSON.readTree(results.resolve("results.json").toFile());
    }
}
