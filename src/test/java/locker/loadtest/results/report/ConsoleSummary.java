package locker.loadtest.results.report;

import locker.loadtest.anomalies.AnomalyKind;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.results.ErrorStatus;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The end-of-run report of the original load test, as text. */
public final class ConsoleSummary {
    private static final String RULE = "=".repeat(72);

    private ConsoleSummary() {}

    public static String render(RunResults results, List<RequestEntry> requests, Path htmlReport, List<Path> jsonFiles,
                                List<Path> ciFiles) {
        StringBuilder out = new StringBuilder();
        RunResults.Summary summary = results.summary();
        out.append(RULE).append('\n').append("LOAD TEST RESULTS").append('\n').append(RULE).append('\n');
        line(out, "Total requests", Long.toString(summary.totalRequests()));
        line(out, "Successful requests", Long.toString(summary.successfulRequests()));
        line(out, "Failed requests", Long.toString(summary.failedRequests()));
        line(out, "Success rate", String.format("%.2f%%", summary.successRate()));
        line(out, "Throughput", summary.averageThroughput() + " requests/s");
        out.append("\nResponse times (s)\n");
        line(out, "Mean", seconds(summary.averageResponseTime()));
        line(out, "Median", seconds(summary.medianResponseTime()));
        line(out, "Min", seconds(summary.minResponseTime()));
        line(out, "Max", seconds(summary.maxResponseTime()));
        line(out, "95th percentile", seconds(summary.p95ResponseTime()));

        out.append("\nPer endpoint (success/total, %, mean)\n");
        results.endpoints().forEach((name, endpoint) -> out.append(String.format("  %-34s %6d/%-6d %7.2f%%  %ss%n",
                name, endpoint.ok(), endpoint.total(), endpoint.successRate(), seconds(endpoint.meanResponseTime()))));

        out.append("\nFailed requests by endpoint and status\n");
        Map<String, Long> failures = requests.stream().filter(request -> !request.ok())
                .collect(Collectors.groupingBy(ConsoleSummary::failureKey, LinkedHashMap::new, Collectors.counting()));
        if (failures.isEmpty()) {
            out.append("  none\n");
        }
        failures.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(failure -> out.append(String.format("  %6d  %s%n", failure.getValue(), failure.getKey())));

        out.append("\nOwnership verification\n");
        line(out, "Verified", Long.toString(summary.outcome(Outcome.OWNERSHIP_VERIFIED.key())));
        line(out, "Mismatched", Long.toString(summary.outcome(Outcome.OWNERSHIP_MISMATCHED.key())));
        out.append("\nLocker competition\n");
        for (Outcome outcome : List.of(Outcome.HOLD_ATTEMPTS, Outcome.HOLDS_WON, Outcome.CONFIRMED, Outcome.LOST_RACE,
                Outcome.HOLD_REFUSED_BY_DB, Outcome.CONFIRM_REFUSED, Outcome.GIVEN_UP, Outcome.GIVE_UP_REFUSED, Outcome.NO_LOCKER_AVAILABLE,
                Outcome.RELEASED)) {
            line(out, outcome.key().replace('_', ' '), Long.toString(summary.outcome(outcome.key())));
        }

        out.append("\nInvariants (database after the run)\n");
        if (!results.config().dbConnected()) {
            out.append("  not checked: no database connection\n");
        }
        results.invariants().forEach(invariant -> out.append(String.format("  %-9s %s (%s)%n",
                invariant.passed() ? "OK" : "VIOLATED", invariant.description(), invariant.detail())));
        if (results.invariantsViolated()) {
            out.append("  A violated invariant is a defect of the server: this run fails.\n");
        }

        anomalies(out, results.anomalies());

        List<ServerMetricsView.Metric> metrics = ServerMetricsView.of(results.serverMetrics());
        if (!metrics.isEmpty()) {
            out.append("\nServer metrics, peak over the run (pools: ").append(results.serverMetrics().pools())
                    .append(")\n");
            metrics.forEach(metric -> out.append(String.format("  %-42s %s%n", metric.name().replace('_', ' ') + ":",
                    metric.peakWithUnit())));
        }
        if (results.testData() != null && results.testData().restore() != null) {
            out.append("\nTest data\n  ").append(results.testData().restore()).append('\n');
            if (results.testData().leftOnServer() != null) {
                out.append("  Left on the server:\n");
                results.testData().leftOnServer().forEach(left -> out.append("    ").append(left).append('\n'));
            }
        }
        if (results.contract() != null) {
            out.append("\nContract check\n").append(results.contract().table());
        }

        out.append("\nAssertions\n");
        results.assertions().forEach(assertion -> out.append(String.format("  %-3s %s%n",
                assertion.passed() ? "OK" : "KO", assertion.description())));

        out.append('\n');
        line(out, "HTML report", htmlReport.toAbsolutePath().normalize().toUri().toString());
        jsonFiles.forEach(file -> line(out, "JSON results", file.toAbsolutePath().normalize().toString()));
        ciFiles.forEach(file -> line(out, file.getFileName().toString().endsWith(".xml") ? "JUnit XML" : "Markdown summary",
                file.toAbsolutePath().normalize().toString()));
        out.append(RULE).append('\n');
        return out.toString();
    }

    /** Per kind found: its count and the first one in one line; "none" when the run saw none. */
    private static void anomalies(StringBuilder out, AnomalyReport anomalies) {
        out.append("\nAnomalies (where the server broke a promise)\n");
        if (anomalies == null) {
            out.append("  not looked for in this run\n");
            return;
        }
        if (anomalies.isNone()) {
            out.append("  none\n");
            return;
        }
        for (AnomalyKind kind : AnomalyKind.values()) {
            long count = anomalies.count(kind);
            if (count > 0) {
                out.append(String.format("  %6d  %s%n", count, kind.label()));
                anomalies.first(kind).ifPresent(first -> out.append("          first: ").append(first.oneLine()).append('\n'));
            }
        }
        out.append("  The evidence of each is in the report's Locker rush section and the results file (anomalies).\n");
    }

    private static String failureKey(RequestEntry request) {
        Integer status = ErrorStatus.of(request.errorMessage());
        return request.name() + "  " + (status != null ? "HTTP " + status
                : "(" + Objects.requireNonNullElse(request.errorMessage(), "no message") + ")");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-22s %s%n", label + ":", value));
    }

    private static String seconds(double seconds) {
        return String.format("%.3f", seconds);
    }
}
