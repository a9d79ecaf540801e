package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run, from its results file. {@code wallRate} is the seed's own measure: requests
 * divided by the time from the first request sent to the last answer received (Gatling's own rate divides by
 * whole seconds of the run, which for a run of two seconds can be off by a third).
 *
 * @param requests      requests sent
 * @param failed        failed requests (a lost race is an answer, not a failure)
 * @param wallSeconds   first request sent to last answer received
 * @param wallRate      requests / wallSeconds
 * @param gatlingRate   the report's mean requests per second
 * @param mean          mean response time, seconds; likewise p95 and p99
 * @param outcomes      the scenario's outcome counts
 * @param heapPeakMiB   highest heap use sampled in the load JVM (which hosts the embedded stack), or null
 * @param assertionsMet whether every Gatling assertion held
 * @param durationSeconds the run's duration as the report gives it (whole seconds)
 */
record RunFigures(long requests, long failed, double wallSeconds, double wallRate, double gatlingRate, double mean,
                  double p95, double p99, Map<String, Long> outcomes, Double heapPeakMiB, boolean assertionsMet,
                  double durationSeconds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RunFigures read(Path resultsFile) {
        try {
            return of(JSON.readTree(resultsFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results file " + resultsFile + ": " + e.getMessage(), e);
        }
    }

    static RunFigures of(JsonNode results) {
        JsonNode summary = results.path("summary");
        JsonNode detailed = results.path("detailed_results");
        if (summary.isMissingNode() || !detailed.isArray() || detailed.isEmpty()) {
            throw new IllegalArgumentException("the results file has no summary or no detailed_results");
        }
        double first = Double.MAX_VALUE;
        double last = 0;
        for (JsonNode request : detailed) {
            double start = request.path("start_time").asDouble();
            first = Math.min(first, start);
            last = Math.max(last, start + request.path("response_time").asDouble());
        }
        double wallSeconds = last - first;
        long requests = summary.path("total_requests").asLong();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        summary.path("scenario_outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
        JsonNode heap = results.path("server_metrics").path("peaks").path("jvm_heap_used");
        boolean assertionsMet = true;
        for (JsonNode assertion : results.path("assertions")) {
            assertionsMet &= assertion.path("passed").asBoolean();
        }
        return new RunFigures(requests, summary.path("failed_requests").asLong(), wallSeconds,
                wallSeconds > 0 ? requests / wallSeconds : 0, summary.path("average_throughput").asDouble(),
                summary.path("average_response_time").asDouble(), summary.path("p95_response_time").asDouble(),
                summary.path("p99_response_time").asDouble(), outcomes,
                heap.isNumber() ? heap.asDouble() : null, assertionsMet,
                results.path("config").path("test_duration").asDouble());
    }

    /** An outcome's count, 0 when the run did not report it. */
    long outcome(String name) {
        return outcomes.getOrDefault(name, 0L);
    }

    static boolean exists(Path resultsFile) {
        return Files.isRegularFile(resultsFile);
    }
}
