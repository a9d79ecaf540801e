package locker.loadtest.results;

import locker.loadtest.results.GatlingLogReader.AssertionOutcome;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import locker.loadtest.results.ReportHtml.StatsRow;
import locker.loadtest.results.ReportHtml.Tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the content of load_test_results.json; the layout is documented in docs/results.md. */
public final class ResultsDocument {
    private ResultsDocument() {}

    public static Map<String, Object> build(Path runDirectory, Tables tables, RunContext context,
                                            Map<String, AssertionOutcome> assertionOutcomes,
                                            List<RequestEntry> detailedRequests, ResponseStatuses statuses) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", config(runDirectory, tables, context));
        document.put("summary", summary(tables, context));
        document.put("endpoints", endpoints(tables));
        document.put("errors", errors(tables));
        document.put("assertions", assertions(tables, assertionOutcomes));
        document.put("invariants", context.invariants());
        if (!context.testData().isEmpty()) {
            document.put("test_data", context.testData());
        }
        if (!context.serverMetrics().isEmpty()) {
            document.put("server_metrics", context.serverMetrics());
        }
        if (detailedRequests != null) {
            document.put("detailed_results", detailedRequests.stream().map(entry -> detail(entry, statuses)).toList());
        }
        return document;
    }

    private static Map<String, Object> config(Path runDirectory, Tables tables, RunContext context) {
        Map<String, Object> config = new LinkedHashMap<>(context.config());
        config.put("test_duration", tables.durationSeconds());
        config.put("db_connected", context.dbConnected());
        config.put("gatling_version", tables.gatlingVersion());
        config.put("start_time", tables.startTime());
        config.put("report_folder", runDirectory.toAbsolutePath().normalize().toString());
        return config;
    }

    private static Map<String, Object> summary(Tables tables, RunContext context) {
        StatsRow global = tables.global();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_requests", global.total());
        summary.put("successful_requests", global.ok());
        summary.put("failed_requests", global.ko());
        summary.put("success_rate", successRate(global));
        summary.put("average_throughput", global.throughput());
        summary.put("average_response_time", seconds(global.mean()));
        summary.put("median_response_time", seconds(global.p50()));
        summary.put("min_response_time", seconds(global.min()));
        summary.put("max_response_time", seconds(global.max()));
        summary.put("p75_response_time", seconds(global.p75()));
        summary.put("p95_response_time", seconds(global.p95()));
        summary.put("p99_response_time", seconds(global.p99()));
        summary.put("response_time_std_dev", seconds(global.stdDev()));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        RunContext.OUTCOME_KEYS.forEach(key -> outcomes.put(key, context.outcome(key)));
        summary.put("scenario_outcomes", outcomes);
        return summary;
    }

    private static Map<String, Object> endpoints(Tables tables) {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (StatsRow row : tables.requests()) {
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("total", row.total());
            endpoint.put("ok", row.ok());
            endpoint.put("ko", row.ko());
            endpoint.put("success_rate", successRate(row));
            endpoint.put("mean_response_time", seconds(row.mean()));
            endpoint.put("p95_response_time", seconds(row.p95()));
            endpoints.put(row.name(), endpoint);
        }
        return endpoints;
    }

    private static List<Map<String, Object>> errors(Tables tables) {
        List<Map<String, Object>> errors = new ArrayList<>();
        tables.errors().stream().sorted(Comparator.comparingLong(ReportHtml.ErrorRow::count).reversed()).forEach(row -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", row.message());
            error.put("status", ErrorStatus.of(row.message()));
            error.put("count", row.count());
            error.put("share", row.percent());
            errors.add(error);
        });
        return errors;
    }

    private static List<Map<String, Object>> assertions(Tables tables, Map<String, AssertionOutcome> outcomes) {
        List<Map<String, Object>> assertions = new ArrayList<>();
        for (ReportHtml.AssertionRow row : tables.assertions()) {
            AssertionOutcome outcome = outcomes.get(row.description());
            Map<String, Object> assertion = new LinkedHashMap<>();
            assertion.put("description", row.description());
            assertion.put("passed", row.passed());
            assertion.put("actual", outcome == null ? null : outcome.actual());
            assertions.add(assertion);
        }
        return assertions;
    }

    private static Map<String, Object> detail(RequestEntry entry, ResponseStatuses statuses) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("success", entry.ok());
        detail.put("status_code", statuses.take(entry));
        detail.put("response_time", seconds(entry.responseTimeMillis()));
        detail.put("endpoint", entry.name());
        detail.put("error_message", entry.errorMessage());
        detail.put("start_time", entry.startMillis() / 1000.0);
        return detail;
    }

    public static double successRate(StatsRow row) {
        return row.total() == 0 ? 0 : Math.round(row.ok() * 10000.0 / row.total()) / 100.0;
    }

    static double seconds(long millis) {
        return millis / 1000.0;
    }
}
