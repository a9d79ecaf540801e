package locker.loadtest.capacity;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;

/** The capacity result as text for the console and as an HTML fragment (a table and an inline SVG chart) for the report. */
public final class CapacityReport {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 60;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;

    private CapacityReport() {}

    public static String console(CapacityResult result) {
        StringBuilder out = new StringBuilder("\nCapacity search (levels of concurrent students; figures from simulation.log)\n");
        out.append(String.format(Locale.ROOT, "  %8s %9s %9s %9s %8s %8s %9s  %s%n", "students", "requests", "req/s",
                "mean ms", "p95 ms", "p99 ms", "success", "goals"));
        for (LevelFigures level : result.levels()) {
            out.append(String.format(Locale.ROOT, "  %8d %9d %9.1f %9.1f %8d %8d %8.2f%%  %s%n", level.students(),
                    level.requests(), level.requestsPerSecond(), level.meanMillis(), level.p95Millis(), level.p99Millis(),
                    level.successRate(), level.metEveryGoal() ? "all met" : "broke " + String.join("; ", level.brokenGoals())));
        }
        out.append("  ").append(result.verdict()).append('\n');
        if (result.stoppedEarly()) {
            out.append("  stopped early: ").append(result.stopReason()).append('\n');
        }
        return out.toString();
    }

    /** The fragment: a {@code <section class="capacity">} with the chart and the table. */
    public static Element render(CapacityResult result) {
        Element section = new Element("section").addClass("capacity");
        section.appendElement("h3").text("Capacity search");
        section.appendElement("p").addClass("capacity-verdict").text(result.verdict()
                + (result.stoppedEarly() ? ". Stopped early: " + result.stopReason() : ""));
        section.append(chart(result.levels(), result.goals()));
        Element table = section.appendElement("table").addClass("capacity-levels");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String title : List.of("Students", "Requests", "Req/s", "Mean (ms)", "p95 (ms)", "p99 (ms)", "Success",
                "Confirmed", "Goals")) {
            head.appendElement("th").text(title);
        }
        Element body = table.appendElement("tbody");
        for (LevelFigures level : result.levels()) {
            Element row = body.appendElement("tr").addClass(level.metEveryGoal() ? "met" : "broken");
            row.appendElement("td").text(Integer.toString(level.students()));
            row.appendElement("td").text(Long.toString(level.requests()));
            row.appendElement("td").text(String.format(Locale.ROOT, "%.1f", level.requestsPerSecond()));
            row.appendElement("td").text(String.format(Locale.ROOT, "%.1f", level.meanMillis()));
            row.appendElement("td").text(Long.toString(level.p95Millis()));
            row.appendElement("td").text(Long.toString(level.p99Millis()));
            row.appendElement("td").text(String.format(Locale.ROOT, "%.2f %%", level.successRate()));
            row.appendElement("td").text(Long.toString(level.outcomes().getOrDefault("confirmed", 0L)));
            row.appendElement("td").text(level.metEveryGoal() ? "all met" : "broke " + String.join("; ", level.brokenGoals()));
        }
        return section;
    }

    /** p95 (left axis, ms) and throughput (right axis, req/s) against the level's students, levels evenly spaced. */
    static String chart(List<LevelFigures> levels, CapacityGoals goals) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double maxP95 = Math.max(goals.maxP95Millis(), levels.stream().mapToLong(LevelFigures::p95Millis).max().orElse(1));
        double maxRate = Math.max(1, levels.stream().mapToDouble(LevelFigures::requestsPerSecond).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"capacity-chart\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "aria-label=\"p95 response time and throughput by level\">", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
                LEFT, TOP, plotWidth, plotHeight));
        double goalY = TOP + plotHeight * (1 - goals.maxP95Millis() / maxP95);
        svg.append(String.format(Locale.ROOT, "<line class=\"p95-goal\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                + "stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>", LEFT, goalY, LEFT + plotWidth, goalY));
        StringBuilder p95 = new StringBuilder();
        StringBuilder rate = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            LevelFigures level = levels.get(i);
            double x = LEFT + (levels.size() == 1 ? plotWidth / 2.0 : plotWidth * i / (double) (levels.size() - 1));
            double yP95 = TOP + plotHeight * (1 - level.p95Millis() / maxP95);
            double yRate = TOP + plotHeight * (1 - level.requestsPerSecond() / maxRate);
            p95.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yP95));
            rate.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, yRate));
            svg.append(String.format(Locale.ROOT, "<circle class=\"p95\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                    x, yP95, level.metEveryGoal() ? "#1f77b4" : "#d62728"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
                    x, HEIGHT - BOTTOM + 15, level.students()));
        }
        svg.append("<polyline class=\"p95\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                .append(p95.toString().trim()).append("\"/>");
        svg.append("<polyline class=\"throughput\" fill=\"none\" stroke=\"#2ca02c\" stroke-width=\"2\" points=\"")
                .append(rate.toString().trim()).append("\"/>");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1f77b4\" text-anchor=\"end\">%.0f ms</text>",
                LEFT - 4, TOP + 10, maxP95));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#2ca02c\">%.0f req/s</text>",
                LEFT + plotWidth + 4, TOP + 10, maxRate));
        svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"14\" font-size=\"11\">"
                + "<tspan fill=\"#1f77b4\">p95 response time (ms, left)</tspan>"
                + "<tspan fill=\"#2ca02c\" dx=\"16\">throughput (req/s, right)</tspan>"
                + "<tspan fill=\"#d62728\" dx=\"16\">MAX_P95_RESPONSE_TIME (dashed)</tspan></text>", LEFT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">concurrent students</text>",
                LEFT + plotWidth / 2, HEIGHT - 5));
        svg.append("</svg>");
        return svg.toString();
    }
}
