package locker.loadtest.results.report;

import locker.loadtest.anomalies.Anomaly;
import locker.loadtest.anomalies.AnomalyKind;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;

import java.util.List;

/**
 * The console summary's key figures as Markdown tables ({@value #FILE_NAME} in the run folder), for a CI
 * job's summary page: GitHub Actions shows it when it is appended to {@code $GITHUB_STEP_SUMMARY}, which the
 * export does when that variable is set. Every figure is the results' own.
 */
public final class MarkdownSummary {
    public static final String FILE_NAME = "load-test-summary.md";

    private MarkdownSummary() {}

    public static String render(RunResults results) {
        RunResults.RunConfig config = results.config();
        RunResults.Summary summary = results.summary();

        StringBuilder out = new StringBuilder();
        out.append("## Load test: ").append(simpleName(config.simulationClass())).append(" — ")
                .append(!results.assertionsPassed() || results.invariantsViolated()
                        || (results.contract() != null && results.contract().failed()) ? "FAILED" : "PASSED").append("\n\n");
        out.append(RunDescription.of(config.settings())).append(", started ").append(config.startTime())
                .append(", ").append(config.testDuration()).append(" s.\n\n");

        out.append("| requests | OK | KO | success rate | throughput | mean | median | p95 | p99 | max |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(summary.totalRequests()).append(" | ").append(summary.successfulRequests())
                .append(" | ").append(summary.failedRequests()).append(" | ").append(summary.successRate())
                .append(" % | ").append(summary.averageThroughput()).append(" req/s | ")
                .append(summary.averageResponseTime()).append(" s | ").append(summary.medianResponseTime())
                .append(" s | ").append(summary.p95ResponseTime()).append(" s | ")
                .append(summary.p99ResponseTime()).append(" s | ").append(summary.maxResponseTime())
                .append(" s |\n\n");

        out.append("### Per endpoint\n\n| endpoint | total | OK | KO | success rate | mean | p95 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        results.endpoints().forEach((name, endpoint) -> out.append("| `")
                .append(name).append("` | ").append(endpoint.total()).append(" | ").append(endpoint.ok())
                .append(" | ").append(endpoint.ko()).append(" | ").append(endpoint.successRate())
                .append(" % | ").append(endpoint.meanResponseTime()).append(" s | ")
                .append(endpoint.p95ResponseTime()).append(" s |\n"));

        out.append("\n### Locker rush outcomes\n\n| outcome | count |\n|---|---:|\n");
        summary.scenarioOutcomes().forEach((key, count) ->
                out.append("| ").append(Outcome.label(key)).append(" | ").append(count).append(" |\n"));

        out.append("\n### Assertions\n\n| | assertion | actual |\n|---|---|---:|\n");
        results.assertions().forEach(assertion -> out.append("| ").append(assertion.passed() ? "✅" : "❌")
                .append(" | ").append(cell(assertion.description())).append(" | ")
                .append(assertion.actual() == null ? "–" : assertion.actual()).append(" |\n"));

        out.append("\n### Database invariants\n\n");
        if (!config.dbConnected()) {
            out.append("Not checked: no database connection.\n");
        } else {
            out.append("| | invariant | detail |\n|---|---|---|\n");
            results.invariants().forEach(invariant -> out.append("| ").append(invariant.passed() ? "✅" : "❌").append(" | ")
                    .append(cell(invariant.description())).append(" | ").append(cell(invariant.detail())).append(" |\n"));
        }

        out.append("\n### Anomalies (where the server broke a promise)\n\n");
        AnomalyReport anomalies = results.anomalies();
        if (anomalies == null) {
            out.append("Not looked for in this run.\n");
        } else if (anomalies.isNone()) {
            out.append("None.\n");
        } else {
            out.append("| anomaly | count | first |\n|---|---:|---|\n");
            for (AnomalyKind kind : AnomalyKind.values()) {
                if (anomalies.count(kind) > 0) {
                    out.append("| ").append(cell(kind.label())).append(" | ").append(anomalies.count(kind)).append(" | ")
                            .append(cell(anomalies.first(kind).map(Anomaly::oneLine).orElse("–"))).append(" |\n");
                }
            }
        }

        if (results.testData() != null && results.testData().restore() != null) {
            out.append("\n### Test data\n\n").append(cell(results.testData().restore())).append('\n');
            if (results.testData().leftOnServer() != null) {
                out.append("\nLeft on the server:\n\n");
                results.testData().leftOnServer().forEach(left -> out.append("- ").append(cell(left)).append('\n'));
            }
        }
        if (results.contract() != null && results.contract().skipped() != null) {
            out.append("\n### Contract check\n\nSkipped: ").append(cell(results.contract().skipped())).append(".\n");
        } else if (results.contract() != null) {
            out.append("\n### Contract check\n\n| | behaviour | request | expected | got |\n|---|---|---|---|---|\n");
            results.contract().rows().forEach(row -> out.append("| ").append(row.passed() ? "✅" : "❌").append(" | ")
                    .append(cell(row.behaviour())).append(" | ").append(cell(row.request())).append(" | ")
                    .append(cell(row.expected())).append(" | ").append(cell(row.got())).append(" |\n"));
        }

        List<ServerMetricsView.Metric> metrics = ServerMetricsView.of(results.serverMetrics());
        if (!metrics.isEmpty()) {
            out.append("\n### Server metrics (peak over the run, sampled each second)\n\n| metric | peak |\n|---|---:|\n");
            metrics.forEach(metric -> out.append("| ").append(metric.label()).append(" | ")
                    .append(metric.peakWithUnit()).append(" |\n"));
        }

        if (!results.errors().isEmpty()) {
            out.append("\n### Errors\n\n| count | status | message |\n|---:|---:|---|\n");
            results.errors().forEach(error -> out.append("| ").append(error.count()).append(" | ")
                    .append(error.status() == null ? "–" : error.status()).append(" | ")
                    .append(cell(error.message())).append(" |\n"));
        }
        return out.toString();
    }

    private static String simpleName(Object className) {
        String name = String.valueOf(className);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String cell(Object text) {
        return String.valueOf(text).replace("|", "\\|").replace("\n", " ");
    }
}
