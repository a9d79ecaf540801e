package locker.loadtest.results.combine;

import locker.config.Settings;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.results.LatencyHistograms;
import locker.loadtest.results.PerformanceGoals;
import locker.loadtest.results.ResultsDocument;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.RunResults.Endpoint;
import locker.loadtest.results.RunResults.ErrorCount;
import locker.loadtest.results.RunResults.RunConfig;
import locker.loadtest.results.RunResults.Summary;
import locker.testdata.TestDataSummary;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static locker.loadtest.results.ResultsDocument.seconds;

/**
 * The results of several load generators' runs (shards) as the results of one run. Counts and outcomes are summed,
 * throughput too (the generators ran at the same time); every response time figure comes from the merged latency
 * histograms, so it is what one generator recording every request would have given, to their precision
 * ({@link LatencyHistograms}); the goals are judged on those figures. The invariants and the test data's restore,
 * which only make sense over every generator's work, are passed in. A run's sampled sections (server metrics, the
 * generator's self-check, per-request details) stay in each shard's own results.
 */
public final class CombinedResults {
    /** The settings keys the combination adds to the shards' own. */
    public static final String SHARDS = "shards";
    public static final String SHARDS_MISSING = "shards_missing";

    private CombinedResults() {}

    /**
     * @param shards     each shard's results, with their files' names in {@code files}
     * @param missing    shard indexes of SHARD_COUNT that no file was given for
     * @param invariants the invariants over the whole database (empty: not checked)
     * @param invariantAnomalies the violated invariants with their evidence
     * @param testData   what became of the test data seeded once for every shard
     */
    public static RunResults of(List<RunResults> shards, List<Path> files, List<Integer> missing,
                                List<InvariantResult> invariants, AnomalyReport invariantAnomalies,
                                TestDataSummary testData, Path outputFolder) {
        LatencyHistograms histograms = LatencyHistograms.merge(shards.stream().map(RunResults::latencyHistograms).toList());
        Summary summary = summary(shards, histograms.allHistogram());
        List<AnomalyReport> anomalies = Stream.concat(shards.stream().map(RunResults::anomalies).filter(Objects::nonNull),
                Stream.of(invariantAnomalies)).toList();
        PerformanceGoals goals = PerformanceGoals.of(shards.get(0).config().settings());
        return new RunResults(config(shards, files, missing, !invariants.isEmpty(), outputFolder), summary,
                endpoints(shards, histograms), errors(shards),
                goals.judge(summary.averageResponseTime() * 1000, summary.p95ResponseTime() * 1000, summary.successRate(),
                        summary.averageThroughput()),
                invariants, testData, null, null, null, null, AnomalyReport.merge(anomalies), null, histograms, null);
    }

    private static RunConfig config(List<RunResults> shards, List<Path> files, List<Integer> missing,
                                    boolean invariantsChecked, Path outputFolder) {
        Map<String, Object> settings = new LinkedHashMap<>(shards.get(0).config().settings());
        settings.remove(Settings.SHARD_INDEX.key());
        List<Map<String, Object>> each = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            RunResults shard = shards.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(Settings.SHARD_INDEX.key(), shard.config().settings().get(Settings.SHARD_INDEX.key()));
            row.put("results_file", files.get(i).toString());
            row.put("total_requests", shard.summary().totalRequests());
            row.put("report_folder", shard.config().reportFolder());
            row.put("generator_saturated", shard.generator() == null ? null : shard.generator().saturated());
            each.add(row);
        }
        settings.put(SHARDS, each);
        settings.put(SHARDS_MISSING, missing);
        long duration = shards.stream().mapToLong(shard -> shard.config().testDuration()).max().orElse(0);
        boolean connected = invariantsChecked && shards.stream().allMatch(shard -> shard.config().dbConnected());
        return new RunConfig(settings, duration, connected, shards.get(0).config().gatlingVersion(),
                shards.get(0).config().startTime(), outputFolder.toAbsolutePath().normalize().toString());
    }

    private static Summary summary(List<RunResults> shards, Histogram all) {
        long total = 0, ok = 0, ko = 0;
        double throughput = 0;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (RunResults shard : shards) {
            Summary s = shard.summary();
            total += s.totalRequests();
            ok += s.successfulRequests();
            ko += s.failedRequests();
            throughput += s.averageThroughput() == null ? 0 : s.averageThroughput();
            s.scenarioOutcomes().forEach((key, count) -> outcomes.merge(key, count, Long::sum));
        }
        return new Summary(total, ok, ko, ResultsDocument.successRate(ok, total), Math.round(throughput * 100) / 100.0,
                seconds(Math.round(all.getMean())), percentile(all, 50), seconds(all.getMinValue()),
                seconds(all.getMaxValue()), percentile(all, 75), percentile(all, 95), percentile(all, 99),
                seconds(Math.round(all.getStdDeviation())), outcomes);
    }

    private static Map<String, Endpoint> endpoints(List<RunResults> shards, LatencyHistograms histograms) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RunResults shard : shards) {
            shard.endpoints().forEach((name, endpoint) -> {
                long[] c = counts.computeIfAbsent(name, n -> new long[3]);
                c[0] += endpoint.total();
                c[1] += endpoint.ok();
                c[2] += endpoint.ko();
            });
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        counts.forEach((name, c) -> {
            Histogram histogram = histograms.endpoint(name);
            endpoints.put(name, new Endpoint(c[0], c[1], c[2], ResultsDocument.successRate(c[1], c[0]),
                    seconds(Math.round(histogram.getMean())), percentile(histogram, 95)));
        });
        return endpoints;
    }

    private static List<ErrorCount> errors(List<RunResults> shards) {
        Map<String, ErrorCount> byMessage = new LinkedHashMap<>();
        for (RunResults shard : shards) {
            for (ErrorCount error : shard.errors()) {
                byMessage.merge(error.message(), error, (a, b) -> new ErrorCount(a.message(), a.status(),
                        a.count() + b.count(), 0));
            }
        }
        long all = byMessage.values().stream().mapToLong(ErrorCount::count).sum();
        return byMessage.values().stream()
                .map(error -> new ErrorCount(error.message(), error.status(), error.count(),
                        ResultsDocument.percent(error.count(), all)))
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
    }

    private static double percentile(Histogram histogram, double percent) {
        return seconds(LatencyHistograms.percentile(histogram, percent));
    }
}
