package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A run's figures from its results file; the rate is the original's: requests over first send to last answer. */
class RunFiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode results(String detailed, String extra) throws Exception {
        return JSON.readTree("""
                {"summary": {"total_requests": 4, "failed_requests": 1, "average_throughput": 4.0,
                             "average_response_time": 0.25, "p95_response_time": 0.5, "p99_response_time": 0.6,
                             "scenario_outcomes": {"confirmed": 1, "lost_race": 2}},
                 "config": {"test_duration": 3},
                 "assertions": [{"passed": true}, {"passed": %s}],
                 "detailed_results": %s %s}""".formatted(extra.isEmpty() ? "true" : "false", detailed, extra));
    }

    @Test
    void theWallTimeRunsFromTheFirstRequestSentToTheLastAnswer() throws Exception {
        RunFigures figures = RunFigures.of(RunResults.of(results("""
                [{"start_time": 100.0, "response_time": 0.5}, {"start_time": 100.2, "response_time": 1.8},
                 {"start_time": 101.0, "response_time": 0.1}, {"start_time": 100.1, "response_time": 0.1}]""", "")));

        assertThat(figures.wallSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(figures.wallRate()).isCloseTo(2.0, within(1e-9));
        assertThat(figures.gatlingRate()).isEqualTo(4.0);
        assertThat(figures.requests()).isEqualTo(4);
        assertThat(figures.failed()).isEqualTo(1);
        assertThat(figures.p95()).isEqualTo(0.5);
        assertThat(figures.outcomes()).containsEntry("confirmed", 1L).containsEntry("lost_race", 2L);
        assertThat(figures.heapPeakMiB()).isNull();
        assertThat(figures.assertionsMet()).isTrue();
        assertThat(figures.durationSeconds()).isEqualTo(3.0);
        assertThat(figures.outcome(Outcome.GIVEN_UP)).isZero();
    }

    @Test
    void theHeapPeakAndAMissedAssertionAreRead() throws Exception {
        RunFigures figures = RunFigures.of(RunResults.of(results("[{\"start_time\": 1.0, \"response_time\": 1.0}]",
                ", \"server_metrics\": {\"peaks\": {\"jvm_heap_used\": 670.5}}")));

        assertThat(figures.heapPeakMiB()).isEqualTo(670.5);
        assertThat(figures.assertionsMet()).isFalse();
    }

    @Test
    void aResultsFileWithoutDetailedResultsCannotGiveTheWallRate() throws Exception {
        assertThatThrownBy(() -> RunFigures.of(RunResults.of(results("[]", ""))))
                .hasMessageContaining("no summary or no detailed_results");
        assertThatThrownBy(() -> RunFigures.of(RunResults.of(JSON.readTree("{}")))).hasMessageContaining("no summary");
    }
}
