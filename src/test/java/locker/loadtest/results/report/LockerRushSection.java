package locker.loadtest.results.report;

import locker.config.Settings;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.capacity.CapacityReport;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.contractcheck.ContractRow;
import locker.loadtest.generator.GeneratorHtml;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.RunResults;
import locker.testdata.TestDataSummary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds the "Locker rush" section to the top of Gatling's {@code index.html}: what happened to the students
 * (every scenario outcome of the results), the database invariants, the test-data restore, the anomalies with their
 * evidence ({@link AnomaliesHtml}), the server
 * metrics with their units and a chart of each sampled series, the capacity search's levels (PROFILE=capacity),
 * the load generator's self-check, and the run's settings. It also fills
 * Gatling's empty run description with {@link RunDescription}. Plain HTML and inline SVG: no script, nothing
 * loaded from elsewhere. Writing it again (a re-export) replaces it.
 */
public final class LockerRushSection {
    public static final String SECTION_ID = "locker-rush";
    private static final String NAV_ID = "locker-rush-nav";
    private static final String FILLED_DESCRIPTION = "data-locker-rush-description";
    private static final int CHART_WIDTH = 260;
    private static final int CHART_HEIGHT = 44;

    private static final String STYLE = """
            #locker-rush { margin: 0 0 24px; padding: 16px 20px; border: 1px solid #d6d6d6; border-radius: 8px; }
            #locker-rush h2 { margin: 0 0 4px; font-size: 20px; }
            #locker-rush h3 { margin: 16px 0 6px; font-size: 15px; }
            #locker-rush p { margin: 4px 0; }
            #locker-rush .lr-grid { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start; }
            #locker-rush table { border-collapse: collapse; font-size: 13px; }
            #locker-rush th, #locker-rush td { padding: 3px 10px 3px 0; text-align: left; vertical-align: middle; }
            #locker-rush td.lr-number { text-align: right; font-variant-numeric: tabular-nums; }
            #locker-rush .lr-pass { color: #1b8a3a; font-weight: bold; }
            #locker-rush .lr-fail { color: #c62828; font-weight: bold; }
            #locker-rush .lr-note { font-size: 12px; opacity: 0.8; max-width: 900px; }
            #locker-rush svg polyline { fill: none; stroke: #e25f2a; stroke-width: 1.5; }
            #locker-rush svg { display: block; margin: 4px 0; }
            #locker-rush svg rect { fill: currentColor; fill-opacity: 0.06; }
            """;

    private LockerRushSection() {}

    /** Adds (or replaces) the section in {@code runDirectory}'s index.html. */
    public static void addTo(Path runDirectory, RunResults results) {
        Path index = runDirectory.resolve(ReportHtml.INDEX);
        try {
            Document html = Jsoup.parse(index.toFile(), "UTF-8");
            Element article = html.selectFirst(".article");
            if (article == null) {
                throw new IllegalStateException(index + " has no .article element: not a Gatling 3.15 report");
            }
            html.select("#" + SECTION_ID + ", #" + NAV_ID + ", style#" + SECTION_ID + "-style").remove();
            html.head().appendElement("style").id(SECTION_ID + "-style").text(STYLE + AnomaliesHtml.STYLE);
            article.prependChild(section(html, results));
            Element nav = html.selectFirst(".nav ul");
            if (nav != null) {
                nav.prependElement("li").id(NAV_ID).appendElement("a").addClass("item").attr("href", "#" + SECTION_ID)
                        .appendElement("span").addClass("nav-label").text("Locker rush");
            }
            fillRunDescription(html, RunDescription.of(results.config().settings()));
            html.outputSettings().prettyPrint(false);
            Files.writeString(index, html.outerHtml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + index, e);
        }
    }

    /**
     * The section as a page of its own, for results that have no Gatling report (the combined runs of several load
     * generators): the same section, its style, and the run's description as the title.
     */
    public static String page(RunResults results) {
        Document html = Document.createShell("");
        html.outputSettings().charset(StandardCharsets.UTF_8);
        html.head().appendElement("meta").attr("charset", "utf-8");
        html.title("Locker rush: " + RunDescription.of(results.config().settings()));
        html.head().appendElement("style").id(SECTION_ID + "-style").text(STYLE + AnomaliesHtml.STYLE);
        html.body().addClass("article").appendChild(section(html, results));
        return html.outerHtml();
    }

    private static Element section(Document html, RunResults results) {
        Map<String, Object> config = results.config().settings();
        Element section = html.createElement("div").id(SECTION_ID);
        section.appendElement("h2").text("Locker rush");
        section.appendElement("p").text(RunDescription.of(config) + ".");

        Element grid = section.appendElement("div").addClass("lr-grid");
        Element outcomesBox = grid.appendElement("div");
        outcomesBox.appendElement("h3").text("What happened to the students");
        Element outcomes = outcomesBox.appendElement("table").id("locker-rush-outcomes");
        results.summary().scenarioOutcomes().forEach((key, count) -> {
            Element row = outcomes.appendElement("tr").attr("data-outcome", key);
            row.appendElement("td").text(Outcome.label(key));
            row.appendElement("td").addClass("lr-number").text(String.format(Locale.ROOT, "%,d", count));
        });

        Element invariantsBox = grid.appendElement("div");
        invariantsBox.appendElement("h3").text("Database invariants after the run");
        if (!results.config().dbConnected()) {
            invariantsBox.appendElement("p").text("Not checked: no database connection.");
        } else {
            Element invariants = invariantsBox.appendElement("table").id("locker-rush-invariants");
            for (InvariantResult invariant : results.invariants()) {
                Element row = invariants.appendElement("tr").attr("data-invariant", invariant.name());
                row.appendElement("td").addClass(invariant.passed() ? "lr-pass" : "lr-fail")
                        .text(invariant.passed() ? "PASS" : "FAIL");
                row.appendElement("td").text(invariant.description());
                row.appendElement("td").text(invariant.detail());
            }
        }
        Element testData = invariantsBox.appendElement("div").id("locker-rush-test-data");
        testData.appendElement("h3").text("Test data");
        TestDataSummary summary = results.testData();
        String restore = summary == null ? null : summary.restore();
        testData.appendElement("p").text(restore == null ? "No restore recorded for this run." : "Restore: " + restore);
        if (summary != null && summary.leftOnServer() != null) {
            Element left = testData.appendElement("ul").id("locker-rush-left-on-server");
            summary.leftOnServer().forEach(item -> left.appendElement("li").text("Left on the server: " + item));
        }
        if (summary != null && summary.studentIds() != null) {
            testData.appendElement("p").text("Test students " + summary.studentIds() + ", " + summary.testLockers()
                    + " test lockers.");
        }

        section.appendChild(AnomaliesHtml.render(results.anomalies()));
        if (results.contract() != null) {
            section.appendChild(contract(html, results.contract()));
        }

        if (results.capacity() != null) {
            section.appendChild(CapacityReport.render(results.capacity()));
        }
        if (results.generator() != null) {
            section.appendChild(GeneratorHtml.render(results.generator()));
        }

        List<ServerMetricsView.Metric> metrics = ServerMetricsView.of(results.serverMetrics());
        Element metricsBox = section.appendElement("div").id("locker-rush-metrics");
        metricsBox.appendElement("h3").text("Server metrics (sampled each second)");
        if (metrics.isEmpty()) {
            metricsBox.appendElement("p").text("None sampled for this run.");
        } else {
            Element table = metricsBox.appendElement("table");
            AnomaliesHtml.header(table, "metric", "peak", "over the run");
            for (ServerMetricsView.Metric metric : metrics) {
                Element row = table.appendElement("tr").attr("data-metric", metric.name());
                row.appendElement("td").text(metric.label());
                row.appendElement("td").addClass("lr-number").text(metric.peakWithUnit());
                row.appendElement("td").appendChild(chart(html, metric));
            }
            Map<String, Object> pools = results.serverMetrics().pools();
            if (!pools.isEmpty()) {
                StringBuilder text = new StringBuilder("Pools:");
                pools.forEach((name, size) -> text.append(' ').append(name.replace('_', ' ')).append(' ')
                        .append(size).append(';'));
                metricsBox.appendElement("p").addClass("lr-note").text(text.substring(0, text.length() - 1) + ".");
            }
        }

        Element settings = section.appendElement("div").id("locker-rush-settings");
        settings.appendElement("h3").text("Settings of the run");
        Element table = settings.appendElement("table");
        config.forEach((name, value) -> {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(name);
            row.appendElement("td").text(String.valueOf(value));
        });
        if ("batch".equals(config.get(Settings.PROFILE.key())) && RunDescription.followsTheLoadSettings(config)) {
            section.appendElement("p").addClass("lr-note").id("locker-rush-users-note").text(
                    "About Gatling's \"users\" charts below: in the batch profile Gatling's virtual users are the "
                            + config.get(Settings.CONCURRENT_USERS.key()) + " slots of CONCURRENT_USERS, each running student after "
                            + "student, so \"Concurrent users\" and \"Users start rate\" count slots, not the "
                            + config.get(Settings.TOTAL_USERS.key()) + " students; the students are counted above.");
        }
        return section;
    }

    /** The contract check's table: behaviour, request, expected, got, ✔/✘. */
    private static Element contract(Document html, ContractReport report) {
        Element box = html.createElement("div").id("locker-rush-contract");
        if (report.skipped() != null) {
            box.appendElement("h3").text("Contract check: skipped");
            box.appendElement("p").text("Skipped: " + report.skipped() + ".");
            return box;
        }
        box.appendElement("h3").text("Contract check: " + (report.passed() ? "every answer as the load test expects"
                : report.mismatches() + " answers differ from what the load test relies on"));
        Element table = box.appendElement("table");
        AnomaliesHtml.header(table, "", "behaviour", "request", "expected", "got");
        for (ContractRow row : report.rows()) {
            Element tr = table.appendElement("tr").attr("data-passed", Boolean.toString(row.passed()));
            tr.appendElement("td").addClass(row.passed() ? "lr-pass" : "lr-fail").text(row.passed() ? "✔" : "✘");
            for (String cell : new String[] {row.behaviour(), row.request(), row.expected(), row.got()}) {
                tr.appendElement("td").text(cell);
            }
        }
        box.appendElement("p").addClass("lr-note").text(String.format(Locale.ROOT,
                "Against %s, with two students and two lockers of its own, seeded and restored; %.1f s.",
                report.baseUrl(), report.seconds()));
        return box;
    }

    /** A line chart of the series, scaled from 0 (bottom) to its peak (top); its title names the peak, as a tooltip. */
    static Element chart(Document html, ServerMetricsView.Metric metric) {
        Element svg = html.createElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(CHART_WIDTH)).attr("height", Integer.toString(CHART_HEIGHT))
                .attr("viewBox", "0 0 " + CHART_WIDTH + " " + CHART_HEIGHT).attr("role", "img");
        svg.appendElement("title").text(metric.label() + ": " + metric.values().size() + " samples, peak "
                + metric.peakWithUnit());
        svg.appendElement("rect").attr("width", Integer.toString(CHART_WIDTH)).attr("height", Integer.toString(CHART_HEIGHT));
        List<Double> values = metric.values();
        if (!values.isEmpty()) {
            double top = metric.peak() > 0 ? metric.peak() : 1;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                double x = values.size() == 1 ? CHART_WIDTH / 2.0 : i * (CHART_WIDTH - 2.0) / (values.size() - 1) + 1;
                double y = (CHART_HEIGHT - 2) - Math.max(0, values.get(i)) / top * (CHART_HEIGHT - 4);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.appendElement("polyline").attr("points", points.toString().trim());
        }
        return svg;
    }

    private static void fillRunDescription(Document html, String description) {
        for (Element label : html.select(".simulation-information-label")) {
            Element value = label.nextElementSibling();
            // Gatling shows an em dash for no description; one filled here before is marked, so a re-export refreshes it
            if (label.text().trim().equals("Description:") && value != null
                    && (value.text().isBlank() || value.text().equals("\u2014") || value.hasAttr(FILLED_DESCRIPTION))) {
                value.text(description).attr(FILLED_DESCRIPTION, "");
            }
        }
    }
}
