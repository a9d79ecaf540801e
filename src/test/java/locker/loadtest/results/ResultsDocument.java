package locker.loadtest.results;

import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.results.GatlingLogReader.AssertionOutcome;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import locker.loadtest.results.ReportHtml.StatsRow;
import locker.loadtest.results.ReportHtml.Tables;
import locker.loadtest.results.RunResults.AssertionResult;
import locker.loadtest.results.RunResults.Endpoint;
import locker.loadtest.results.RunResults.ErrorCount;
import locker.loadtest.results.RunResults.RequestResult;
import locker.loadtest.results.RunResults.RunConfig;
import locker.loadtest.results.RunResults.Summary;
import locker.loadtest.results.RunTimeline.Milestone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the results of one run from its report, its log and what the simulation left in {@link RunContext}. */
public final class ResultsDocument {
    private ResultsDocument() {}

    public static RunResults build(Path runDirectory, Tables tables, RunContext context,
                                   Map<String, AssertionOutcome> assertionOutcomes, List<RequestEntry> requests,
                                   boolean detailed, ResponseStatuses statuses, CapacityResult capacity,
                                   GeneratorReport generator) {
        return new RunResults(config(runDirectory, tables, context), summary(tables, context), endpoints(tables),
                errors(tables), assertions(tables, assertionOutcomes), context.invariants(), context.testData(),
                context.serverMetrics(),
                detailed ? requests.stream().map(entry -> detail(entry, statuses)).toList() : null,
                capacity, generator, context.anomalies(), context.contract(), LatencyHistograms.of(requests),
                timeline(runDirectory, context));
    }

    /** The simulation's milestones, then when Gatling wrote its report and now, when the results are assembled. */
    private static Map<String, Long> timeline(Path runDirectory, RunContext context) {
        RunTimeline timeline = new RunTimeline();
        for (Milestone milestone : Milestone.values()) {
            Long millis = context.timeline().get(milestone.key());
            if (millis != null) {
                timeline.reached(milestone, millis);
            }
        }
        try {
            timeline.reached(Milestone.REPORT_WRITTEN,
                    Files.getLastModifiedTime(runDirectory.resolve(ReportHtml.INDEX)).toMillis());
        } catch (IOException e) {
            // a report folder without index.html is not exported at all
        }
        timeline.reached(Milestone.EXPORTED);
        return timeline.moments();
    }

    private static RunConfig config(Path runDirectory, Tables tables, RunContext context) {
        return new RunConfig(context.config(), tables.durationSeconds(), context.dbConnected(), tables.gatlingVersion(),
                tables.startTime(), runDirectory.toAbsolutePath().normalize().toString());
    }

    private static Summary summary(Tables tables, RunContext context) {
        StatsRow global = tables.global();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        RunContext.OUTCOME_KEYS.forEach(key -> outcomes.put(key, context.outcome(key)));
        return new Summary(global.total(), global.ok(), global.ko(), successRate(global), global.throughput(),
                seconds(global.mean()), seconds(global.p50()), seconds(global.min()), seconds(global.max()),
                seconds(global.p75()), seconds(global.p95()), seconds(global.p99()), seconds(global.stdDev()), outcomes);
    }

    private static Map<String, Endpoint> endpoints(Tables tables) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (StatsRow row : tables.requests()) {
            endpoints.put(row.name(), new Endpoint(row.total(), row.ok(), row.ko(), successRate(row), seconds(row.mean()),
                    seconds(row.p95())));
        }
        return endpoints;
    }

    private static List<ErrorCount> errors(Tables tables) {
        return tables.errors().stream().sorted(Comparator.comparingLong(ReportHtml.ErrorRow::count).reversed())
                .map(row -> new ErrorCount(row.message(), ErrorStatus.of(row.message()), row.count(), row.percent()))
                .toList();
    }

    private static List<AssertionResult> assertions(Tables tables, Map<String, AssertionOutcome> outcomes) {
        return tables.assertions().stream().map(row -> {
            AssertionOutcome outcome = outcomes.get(row.description());
            return new AssertionResult(row.description(), row.passed(), outcome == null ? null : outcome.actual());
        }).toList();
    }

    private static RequestResult detail(RequestEntry entry, ResponseStatuses statuses) {
        return new RequestResult(entry.ok(), statuses.take(entry), seconds(entry.responseTimeMillis()), entry.name(),
                entry.errorMessage(), entry.startMillis() / 1000.0);
    }

    static double successRate(StatsRow row) {
        return successRate(row.ok(), row.total());
    }

    /** Percent of {@code total} that were OK, to two decimals as Gatling's report gives it; 0 without requests. */
    public static double successRate(long ok, long total) {
        return percent(ok, total);
    }

    /** {@code part} in percent of {@code whole}, to two decimals; 0 of nothing. */
    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
    }

    public static double seconds(long millis) {
        return millis / 1000.0;
    }
}
