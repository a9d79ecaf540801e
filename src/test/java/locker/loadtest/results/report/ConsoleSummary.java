package locker.loadtest.results.report;

import locker.loadtest.results.ErrorStatus;
import locker.loadtest.results.GatlingLogReader.RequestEntry;
import locker.loadtest.results.GatlingLogReader;
import locker.loadtest.results.ReportHtml.StatsRow;
import locker.loadtest.results.ReportHtml.Tables;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.ResultsDocument;
import locker.loadtest.results.RunContext;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The end-of-run report of the seed's load test, as text. */
public final class ConsoleSummary {
    private static final String RULE = "=".repeat(72);

    private ConsoleSummary() {}

    public static String render(Tables tables, RunContext context, List<RequestEntry> requests, Path htmlReport,
                                List<Path> jsonFiles, List<Path> ciFiles) {
        StringBuilder out = new StringBuilder();
        StatsRow global = tables.global();
        out.append(RULE).append('\n').append("LOAD TEST RESULTS").append('\n').append(RULE).append('\n');
        line(out, "Total requests", Long.toString(global.total()));
        line(out, "Successful requests", Long.toString(global.ok()));
        line(out, "Failed requests", Long.toString(global.ko()));
        line(out, "Success rate", String.format("%.2f%%", ResultsDocument.successRate(global)));
        line(out, "Throughput", global.throughput() + " requests/s");
        out.append("\nResponse times (s)\n");
        line(out, "Mean", seconds(global.mean()));
        line(out, "Median", seconds(global.p50()));
        line(out, "Min", seconds(global.min()));
        line(out, "Max", seconds(global.max()));
        line(out, "95th percentile", seconds(global.p95()));

        out.append("\nPer endpoint (success/total, %, mean)\n");
        for (StatsRow row : tables.requests()) {
            out.append(String.format("  %-34s %6d/%-6d %7.2f%%  %ss%n", row.name(), row.ok(), row.total(),
                    ResultsDocument.successRate(row), seconds(row.mean())));
        }

        out.append("\nFailed requests by endpoint and status\n");
        Map<String, Long> failures = requests.stream().filter(request -> !request.ok())
                .collect(Collectors.groupingBy(ConsoleSummary::failureKey, LinkedHashMap::new, Collectors.counting()));
        if (failures.isEmpty()) {
            out.append("  none\n");
        }
        failures.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(failure -> out.append(String.format("  %6d  %s%n", failure.getValue(), failure.getKey())));

        out.append("\nOwnership verification\n");
        line(out, "Verified", Long.toString(context.outcome("ownership_verified")));
        line(out, "Mismatched", Long.toString(context.outcome("ownership_mismatched")));
        out.append("\nLocker competition\n");
        for (String key : List.of("hold_attempts", "holds_won", "confirmed", "lost_race", "hold_refused_by_db",
                "confirm_refused", "given_up", "no_locker_available", "released")) {
            line(out, key.replace('_', ' '), Long.toString(context.outcome(key)));
        }

        out.append("\nInvariants (database after the run)\n");
        if (!context.dbConnected()) {
            out.append("  not checked: no database connection\n");
        }
        context.invariants().forEach(invariant -> out.append(String.format("  %-9s %s (%s)%n",
                invariant.passed() ? "OK" : "VIOLATED", invariant.description(), invariant.detail())));
        if (context.invariantsViolated()) {
            out.append("  A violated invariant is a defect of the server: this run fails.\n");
        }

        List<ServerMetricsView.Metric> metrics = ServerMetricsView.of(context.serverMetrics());
        if (!metrics.isEmpty()) {
            out.append("\nServer metrics, peak over the run (pools: ")
                    .append(context.serverMetrics().getOrDefault("pools", Map.of())).append(")\n");
            metrics.forEach(metric -> out.append(String.format("  %-42s %s%n", metric.name().replace('_', ' ') + ":",
                    metric.peakWithUnit())));
        }
        if (context.testData().get("restore") instanceof String restore) {
            out.append("\nTest data\n  ").append(restore).append('\n');
        }

        out.append("\nAssertions\n");
        tables.assertions().forEach(assertion -> out.append(String.format("  %-3s %s%n",
                assertion.passed() ? "OK" : "KO", assertion.description())));

        out.append('\n');
        line(out, "HTML report", htmlReport.toAbsolutePath().normalize().toUri().toString());
        jsonFiles.forEach(file -> line(out, "JSON results", file.toAbsolutePath().normalize().toString()));
        ciFiles.forEach(file -> line(out, file.getFileName().toString().endsWith(".xml") ? "JUnit XML" : "Markdown summary",
                file.toAbsolutePath().normalize().toString()));
        out.append(RULE).append('\n');
        return out.toString();
    }

    private static String failureKey(RequestEntry request) {
        Integer status = ErrorStatus.of(request.errorMessage());
        return request.name() + "  " + (status != null ? "HTTP " + status
                : "(" + Objects.requireNonNullElse(request.errorMessage(), "no message") + ")");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-22s %s%n", label + ":", value));
    }

    private static String seconds(long millis) {
        return String.format("%.3f", millis / 1000.0);
    }
}
