package locker.loadtest.results.combine;

import locker.loadtest.anomalies.Anomaly;
import locker.loadtest.anomalies.AnomalyKind;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import locker.loadtest.results.LatencyHistograms;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.RunResults.AssertionResult;
import locker.loadtest.results.RunResults.Endpoint;
import locker.loadtest.results.RunResults.ErrorCount;
import locker.loadtest.results.RunResults.RunConfig;
import locker.loadtest.results.RunResults.Summary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two shards' results combined: sums, the merged histograms' figures, the goals judged on them, the refusals. */
class CombinedResultsTest {
    private static final Path FILE_0 = Path.of("shard-0.json");
    private static final Path FILE_1 = Path.of("shard-1.json");

    /** A shard whose {@code n} requests took 1, 2, ..., n ms, with {@code failed} of them KO and one anomaly. */
    private static RunResults shard(int index, int n, int failed, double throughput, String profile) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("base_url", "http://locker.example");
        settings.put("profile", profile);
        settings.put("total_users", 100);
        settings.put("student_id_start", 9_900_000_000L);
        settings.put("test_lockers_count", 20);
        settings.put("shard_index", index);
        settings.put("shard_count", 2);
        settings.put("max_mean_response_time", 1.0);
        settings.put("max_p95_response_time", 0.5);
        settings.put("min_success_rate", 95.0);
        settings.put("min_throughput", 100.0);
        List<RequestEntry> requests = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            requests.add(new RequestEntry(i % 2 == 0 ? "login" : "hold", i > failed, i, i, null));
        }
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("confirmed", (long) index + 3);
        outcomes.put("lost_race", 7L);
        Summary summary = new Summary(n, n - failed, failed, 0.0, throughput, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                outcomes);
        Map<String, Endpoint> endpoints = Map.of("login", new Endpoint(n / 2, n / 2, 0, 100, 0, 0),
                "hold", new Endpoint(n - n / 2, n - n / 2 - failed, failed, 0, 0, 0));
        Map<String, Long> counts = new LinkedHashMap<>(AnomalyReport.none(true).counts());
        counts.put(AnomalyKind.values()[0].key(), 1L);
        Anomaly anomaly = new Anomaly(AnomalyKind.values()[0].key(), "shard " + index, "99000000" + index, 101 + index,
                "hold", "409", "at", "R1", "", null, null, List.of(), 0, List.of());
        return new RunResults(new RunConfig(settings, 10 + index, true, "3.15.1", "start " + index, "/run/" + index),
                summary, endpoints, List.of(new ErrorCount("status.find.in(200), but actually found 409", 409, failed, 100)),
                List.of(new AssertionResult("shard's own", true, 1.0)), List.of(), null, null, null, null, null,
                new AnomalyReport(1, counts, AnomalyReport.DETAILED_PER_KIND, true, List.of(anomaly)), null,
                LatencyHistograms.of(requests), null);
    }

    @Test
    void countsAddUpAndEveryTimeComesFromTheMergedHistograms() {
        RunResults combined = CombinedResults.of(List.of(shard(0, 100, 2, 60, "rush"), shard(1, 300, 4, 70, "rush")),
                List.of(FILE_0, FILE_1), List.of(), List.of(), AnomalyReport.none(true), null, Path.of("/out"));

        Summary summary = combined.summary();
        assertThat(summary.totalRequests()).isEqualTo(400);
        assertThat(summary.failedRequests()).isEqualTo(6);
        assertThat(summary.successRate()).isEqualTo(98.5);
        assertThat(summary.averageThroughput()).isEqualTo(130.0);
        assertThat(summary.outcome("confirmed")).isEqualTo(3 + 4);
        assertThat(summary.outcome("lost_race")).isEqualTo(14);
        // the union is 1..100 twice and 101..300 once: the 200th smallest (p50) is 100, the 380th (p95) 280
        assertThat(summary.p95ResponseTime()).isEqualTo(0.28);
        assertThat(summary.medianResponseTime()).isEqualTo(0.1);
        assertThat(summary.maxResponseTime()).isEqualTo(0.3);
        assertThat(combined.endpoints().get("hold").total()).isEqualTo(200);
        assertThat(combined.endpoints().get("hold").ko()).isEqualTo(6);
        assertThat(combined.errors()).singleElement().satisfies(error -> assertThat(error.count()).isEqualTo(6));
        assertThat(combined.anomalies().total()).isEqualTo(2);
        assertThat(combined.anomalies().details()).extracting(Anomaly::summary).containsExactly("shard 0", "shard 1");
        assertThat(combined.config().settings()).doesNotContainKey("shard_index").containsEntry("shard_count", 2);
        assertThat(combined.config().testDuration()).isEqualTo(11);
        assertThat(combined.config().dbConnected()).as("no invariants were checked").isFalse();

        // p95 280 ms meets the 500 ms goal, and the shards' 130 req/s together the rush's 100 req/s
        assertThat(combined.assertions()).extracting(AssertionResult::description).containsExactly(
                "Global: mean of response time is less than 1000.0",
                "Global: 95th percentile of response time is less than 500.0",
                "Global: percentage of successful events is greater than 95.0",
                "Global: mean requests per second is greater than 100.0");
        assertThat(combined.assertionsPassed()).isTrue();
    }

    @Test
    void theGoalsAreJudgedOnTheCombinedFigures() {
        // each shard alone would meet 100 req/s only together; 40 % failed requests miss the success goal
        RunResults slow = CombinedResults.of(List.of(shard(0, 100, 40, 30, "rush"), shard(1, 100, 40, 30, "rush")),
                List.of(FILE_0, FILE_1), List.of(), List.of(), AnomalyReport.none(true), null, Path.of("/out"));
        assertThat(slow.assertions()).extracting(AssertionResult::passed).containsExactly(true, true, false, false);
        RunResults ramp = CombinedResults.of(List.of(shard(0, 100, 0, 30, "ramp"), shard(1, 100, 0, 30, "ramp")),
                List.of(FILE_0, FILE_1), List.of(), List.of(), AnomalyReport.none(true), null, Path.of("/out"));
        assertThat(ramp.assertions()).as("the ramp sets its own rate: no throughput goal").hasSize(3);
    }

    @Test
    void resultsThatAreNotShardsOfOneRunAreRefused() {
        RunResults first = shard(0, 10, 0, 1, "rush");
        assertThat(CombineShards.ShardSet.check(List.of(first), List.of(FILE_0))).containsExactly(1);
        assertThat(CombineShards.ShardSet.check(List.of(first, shard(1, 10, 0, 1, "rush")), List.of(FILE_0, FILE_1)))
                .isEmpty();
        assertThatThrownBy(() -> CombineShards.ShardSet.check(List.of(first, shard(0, 10, 0, 1, "rush")),
                List.of(FILE_0, FILE_1))).hasMessage("shard 0 is given twice (shard-1.json)");
        assertThatThrownBy(() -> CombineShards.ShardSet.check(List.of(first, shard(1, 10, 0, 1, "batch")),
                List.of(FILE_0, FILE_1))).hasMessage("shard-1.json is not a shard of the same run as shard-0.json:"
                + " profile is batch, not rush");
    }

    @Test
    void theCommandLineIsCheckedBeforeAnythingIsRead() {
        assertThat(CombineShards.run(new String[] {"--output", "combined.txt", "a.json"})).isEqualTo(2);
        assertThat(CombineShards.run(new String[] {"--keep"})).isEqualTo(2);
        assertThat(CombineShards.run(new String[] {})).isEqualTo(2);
        assertThat(CombineShards.run(new String[] {"--no-database", "no-such-file.json"})).isEqualTo(2);
        assertThat(CombineShards.Arguments.parse(new String[] {"--no-database", "--output", "x.json", "a.json"}))
                .isEqualTo(new CombineShards.Arguments(List.of(Path.of("a.json")), Path.of("x.json"), false));
    }
}
