package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityAnalysisTest {
    // mean < 1 s, p95 < 3 s, success > 95 %, throughput > 10 req/s from 100 students on
    private static final CapacityGoals GOALS = new CapacityGoals(1000, 3000, 95, 10, 100);

    @Test
    void theLevelsDoubleFromTheStartUpToTheMaximum() {
        assertThat(CapacityPlan.of(25, 2, 1600, Duration.ofSeconds(20)).levels())
                .containsExactly(25, 50, 100, 200, 400, 800, 1600);
        assertThat(CapacityPlan.of(25, 2, 1000, Duration.ofSeconds(20)).largestLevel()).isEqualTo(800);
        // a factor that would round to the same level still adds a student
        assertThat(CapacityPlan.of(1, 1.1, 4, Duration.ofSeconds(1)).levels()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void eachRequestCountsForTheLevelDuringWhichItStarted() {
        // three levels of 10 s: 50 students fast, 100 students fast, 200 students with p95 of 4 s
        List<TimedRequest> requests = new ArrayList<>();
        requests.add(new TimedRequest(500, 50, true)); // before the first level: not counted
        for (int i = 0; i < 200; i++) {
            requests.add(new TimedRequest(1_000 + i * 50, 100, true));
        }
        for (int i = 0; i < 400; i++) {
            requests.add(new TimedRequest(11_000 + i * 25, i < 395 ? 200 : 2_000, i != 0));
        }
        for (int i = 0; i < 200; i++) {
            requests.add(new TimedRequest(21_000 + i * 50, i < 180 ? 500 : 4_000, true));
        }
        CapacityRecord record = new CapacityRecord(GOALS, 10, List.of(50, 100, 200, 400), List.of(
                new LevelWindow(50, 1_000, 11_000, Map.of("confirmed", 7L), List.of()),
                new LevelWindow(100, 11_000, 21_000, Map.of("confirmed", 12L), List.of()),
                new LevelWindow(200, 21_000, 31_000, Map.of(), List.of("MAX_P95_RESPONSE_TIME"))),
                "level of 200 students broke MAX_P95_RESPONSE_TIME");

        CapacityResult result = CapacityAnalysis.analyze(record, requests);

        LevelFigures first = result.levels().get(0);
        assertThat(first.requests()).isEqualTo(200);
        assertThat(first.requestsPerSecond()).isEqualTo(20.0);
        assertThat(first.meanMillis()).isEqualTo(100.0);
        assertThat(first.p95Millis()).isEqualTo(100);
        assertThat(first.successRate()).isEqualTo(100.0);
        assertThat(first.outcomes()).containsEntry("confirmed", 7L);
        // 50 students are below MIN_STABLE_CONCURRENCY: their throughput is not judged
        assertThat(first.brokenGoals()).isEmpty();

        LevelFigures second = result.levels().get(1);
        assertThat(second.requests()).isEqualTo(400);
        assertThat(second.failedRequests()).isEqualTo(1);
        assertThat(second.successRate()).isEqualTo(99.75);
        assertThat(second.p95Millis()).isEqualTo(200);
        assertThat(second.p99Millis()).isEqualTo(2_000);
        assertThat(second.meanMillis()).isEqualTo((395 * 200 + 5 * 2_000) / 400.0);
        assertThat(second.metEveryGoal()).isTrue();

        LevelFigures third = result.levels().get(2);
        assertThat(third.p95Millis()).isEqualTo(4_000);
        assertThat(third.brokenGoals()).singleElement().asString()
                .startsWith("MAX_P95_RESPONSE_TIME (p95 4000 ms >= 3000 ms)");

        assertThat(result.largestStableLevel()).isEqualTo(100);
        assertThat(result.firstBrokenLevel()).isEqualTo(200);
        assertThat(result.brokenGoals()).isEqualTo(third.brokenGoals());
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.meetsMinStableConcurrency()).isTrue();
    }

    @Test
    void theMinimumStableConcurrencyIsMetOnlyByALargeEnoughPassingLevel() {
        List<TimedRequest> fast = List.of(new TimedRequest(500, 10, true), new TimedRequest(1_500, 10, true));
        CapacityRecord upTo50 = new CapacityRecord(GOALS, 1, List.of(25, 50, 100), List.of(
                new LevelWindow(25, 0, 1_000, Map.of(), List.of()),
                new LevelWindow(50, 1_000, 2_000, Map.of(), List.of()),
                new LevelWindow(100, 2_000, 3_000, Map.of(), List.of())), "level of 100 students broke MIN_SUCCESS_RATE");
        // the 100 level saw no request at all: it broke the success goal
        CapacityResult below = CapacityAnalysis.analyze(upTo50, fast);
        assertThat(below.largestStableLevel()).isEqualTo(50);
        assertThat(below.firstBrokenLevel()).isEqualTo(100);
        assertThat(below.brokenGoals()).singleElement().asString().startsWith("MIN_SUCCESS_RATE");
        assertThat(below.meetsMinStableConcurrency()).isFalse();
        assertThat(below.verdict()).contains("MIN_STABLE_CONCURRENCY 100 NOT met");

        CapacityResult met = CapacityAnalysis.analyze(upTo50, List.of(new TimedRequest(500, 10, true),
                new TimedRequest(1_500, 10, true), new TimedRequest(2_500, 10, true)));
        // one request in a 1 s level of 100 students: 1 req/s, below MIN_THROUGHPUT 10, which applies from 100 on
        assertThat(met.firstBrokenLevel()).isEqualTo(100);
        assertThat(met.brokenGoals()).singleElement().asString().startsWith("MIN_THROUGHPUT (1.0 req/s <= 10 req/s)");

        List<TimedRequest> busy = new ArrayList<>(fast);
        for (int i = 0; i < 20; i++) {
            busy.add(new TimedRequest(2_000 + i * 10, 10, true));
        }
        CapacityResult passing = CapacityAnalysis.analyze(upTo50, busy);
        assertThat(passing.largestStableLevel()).isEqualTo(100);
        assertThat(passing.firstBrokenLevel()).isNull();
        assertThat(passing.meetsMinStableConcurrency()).isTrue();
    }

    @Test
    void aLevelBreaksAGoalExactlyWhenTheStandardAssertionWouldFail() {
        assertThat(GOALS.broken(100, 10, 999, 2999, 95.01, 10.01)).isEmpty();
        assertThat(GOALS.broken(100, 10, 1000, 3000, 95, 10)).hasSize(4);
        assertThat(GOALS.broken(99, 10, 1, 1, 100, 0.5)).as("throughput only from MIN_STABLE_CONCURRENCY on").isEmpty();
    }

    @Test
    void theResultSerialisesWithSnakeCaseNames() throws Exception {
        CapacityRecord record = new CapacityRecord(GOALS, 1, List.of(25), List.of(
                new LevelWindow(25, 0, 1_000, Map.of(), List.of())), null);
        JsonNode json = new ObjectMapper().valueToTree(CapacityAnalysis.analyze(record,
                List.of(new TimedRequest(10, 5, true))));
        assertThat(json.path("largest_stable_level").asInt()).isEqualTo(25);
        assertThat(json.path("meets_min_stable_concurrency").asBoolean(true)).isFalse();
        assertThat(json.path("levels").get(0).path("requests_per_second").asDouble()).isEqualTo(1.0);
        assertThat(json.path("goals").path("max_p95_millis").asLong()).isEqualTo(3000);
        assertThat(json.path("stopped_early").asBoolean(true)).isFalse();
    }
}
