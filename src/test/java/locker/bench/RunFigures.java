package locker.bench;

import locker.loadtest.metrics.ServerMetric;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.RunResults.RequestResult;
import locker.loadtest.results.RunResults.Summary;

import java.util.List;
import java.util.Map;

/**
 * The figures of one run, from its results file ({@link RunResults}). {@code wallRate} is the original load
 * test's own measure: requests divided by the time from the first request sent to the last answer received
 * (Gatling's own rate divides by whole seconds of the run, which for a run of two seconds can be off by a third).
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
    static RunFigures of(RunResults results) {
        Summary summary = results.summary();
        List<RequestResult> detailed = results.detailedResults();
        if (summary == null || detailed == null || detailed.isEmpty()) {
            throw new IllegalArgumentException("the results file has no summary or no detailed_results");
        }
        double first = Double.MAX_VALUE;
        double last = 0;
        for (RequestResult request : detailed) {
            first = Math.min(first, request.startTime());
            last = Math.max(last, request.startTime() + request.responseTime());
        }
        double wallSeconds = last - first;
        long requests = summary.totalRequests();
        Double heap = results.serverMetrics() == null ? null
                : results.serverMetrics().peaks().get(ServerMetric.JVM_HEAP_USED.key());
        return new RunFigures(requests, summary.failedRequests(), wallSeconds,
                wallSeconds > 0 ? requests / wallSeconds : 0, orZero(summary.averageThroughput()),
                orZero(summary.averageResponseTime()), orZero(summary.p95ResponseTime()),
                orZero(summary.p99ResponseTime()), summary.scenarioOutcomes(), heap, results.assertionsPassed(),
                results.config() == null ? 0 : results.config().testDuration());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** An outcome's count, 0 when the run did not report it. */
    long outcome(Outcome outcome) {
        return outcomes.getOrDefault(outcome.key(), 0L);
    }
}
