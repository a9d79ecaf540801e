package locker.loadtest.results.report;

import locker.loadtest.results.InvariantResult;

import java.util.List;
import java.util.Map;

/**
 * The console summary's key figures as Markdown tables ({@value #FILE_NAME} in the run folder), for a CI
 * job's summary page: GitHub Actions shows it when it is appended to {@code $GITHUB_STEP_SUMMARY}, which the
 * export does when that variable is set. Every figure is the results document's own.
 */
public final class MarkdownSummary {
    public static final String FILE_NAME = "load-test-summary.md";

    private MarkdownSummary() {}

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> results, boolean invariantsViolated) {
        Map<String, Object> config = (Map<String, Object>) results.get("config");
        Map<String, Object> summary = (Map<String, Object>) results.get("summary");
        List<Map<String, Object>> assertions = (List<Map<String, Object>>) results.get("assertions");
        List<InvariantResult> invariants = (List<InvariantResult>) results.get("invariants");
        boolean assertionsMissed = assertions.stream().anyMatch(assertion -> !Boolean.TRUE.equals(assertion.get("passed")));

        StringBuilder out = new StringBuilder();
        out.append("## Load test: ").append(simpleName(config.get("simulation_class"))).append(" — ")
                .append(assertionsMissed || invariantsViolated ? "FAILED" : "PASSED").append("\n\n");
        out.append(RunDescription.of(config)).append(", started ").append(config.get("start_time"))
                .append(", ").append(config.get("test_duration")).append(" s.\n\n");

        out.append("| requests | OK | KO | success rate | throughput | mean | median | p95 | p99 | max |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(summary.get("total_requests")).append(" | ").append(summary.get("successful_requests"))
                .append(" | ").append(summary.get("failed_requests")).append(" | ").append(summary.get("success_rate"))
                .append(" % | ").append(summary.get("average_throughput")).append(" req/s | ")
                .append(summary.get("average_response_time")).append(" s | ").append(summary.get("median_response_time"))
                .append(" s | ").append(summary.get("p95_response_time")).append(" s | ")
                .append(summary.get("p99_response_time")).append(" s | ").append(summary.get("max_response_time"))
                .append(" s |\n\n");

        out.append("### Per endpoint\n\n| endpoint | total | OK | KO | success rate | mean | p95 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        ((Map<String, Map<String, Object>>) results.get("endpoints")).forEach((name, endpoint) -> out.append("| `")
                .append(name).append("` | ").append(endpoint.get("total")).append(" | ").append(endpoint.get("ok"))
                .append(" | ").append(endpoint.get("ko")).append(" | ").append(endpoint.get("success_rate"))
                .append(" % | ").append(endpoint.get("mean_response_time")).append(" s | ")
                .append(endpoint.get("p95_response_time")).append(" s |\n"));

        out.append("\n### Locker rush outcomes\n\n| outcome | count |\n|---|---:|\n");
        ((Map<String, Object>) summary.get("scenario_outcomes")).forEach((key, count) ->
                out.append("| ").append(OutcomeLabels.label(key)).append(" | ").append(count).append(" |\n"));

        out.append("\n### Assertions\n\n| | assertion | actual |\n|---|---|---:|\n");
        assertions.forEach(assertion -> out.append("| ").append(Boolean.TRUE.equals(assertion.get("passed")) ? "✅" : "❌")
                .append(" | ").append(cell(assertion.get("description"))).append(" | ")
                .append(assertion.get("actual") == null ? "–" : assertion.get("actual")).append(" |\n"));

        out.append("\n### Database invariants\n\n");
        if (!Boolean.TRUE.equals(config.get("db_connected"))) {
            out.append("Not checked: no database connection.\n");
        } else {
            out.append("| | invariant | detail |\n|---|---|---|\n");
            invariants.forEach(invariant -> out.append("| ").append(invariant.passed() ? "✅" : "❌").append(" | ")
                    .append(cell(invariant.description())).append(" | ").append(cell(invariant.detail())).append(" |\n"));
        }

        if (results.get("test_data") instanceof Map<?, ?> testData && testData.get("restore") != null) {
            out.append("\n### Test data\n\n").append(cell(testData.get("restore"))).append('\n');
        }

        if (results.get("server_metrics") instanceof Map<?, ?> serverMetrics) {
            List<ServerMetricsView.Metric> metrics = ServerMetricsView.of((Map<String, Object>) serverMetrics);
            if (!metrics.isEmpty()) {
                out.append("\n### Server metrics (peak over the run, sampled each second)\n\n| metric | peak |\n|---|---:|\n");
                metrics.forEach(metric -> out.append("| ").append(metric.label()).append(" | ")
                        .append(metric.peakWithUnit()).append(" |\n"));
            }
        }

        List<Map<String, Object>> errors = (List<Map<String, Object>>) results.get("errors");
        if (!errors.isEmpty()) {
            out.append("\n### Errors\n\n| count | status | message |\n|---:|---:|---|\n");
            errors.forEach(error -> out.append("| ").append(error.get("count")).append(" | ")
                    .append(error.get("status") == null ? "–" : error.get("status")).append(" | ")
                    .append(cell(error.get("message"))).append(" |\n"));
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
