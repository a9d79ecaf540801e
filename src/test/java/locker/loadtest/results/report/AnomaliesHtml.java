package locker.loadtest.results.report;

import locker.loadtest.anomalies.Anomaly;
import locker.loadtest.anomalies.AnomalyKind;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.LockerState;
import locker.loadtest.anomalies.TimelineEntry;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The "Anomalies" part of the Locker rush section: a count per kind, then each anomaly given in full as a collapsible
 * block: its cause, a swim-lane picture of its timeline (one lane per student, a bar per request from its start to its
 * answer, coloured by the answer), the timeline as a table, and what the database and Redis held for its lockers.
 * Inline SVG, no script.
 */
final class AnomaliesHtml {
    static final String ID = "locker-rush-anomalies";
    static final String STYLE = """
            #locker-rush .lr-anomaly { margin: 8px 0; padding: 6px 10px; border-left: 4px solid #c62828; background: rgba(198,40,40,0.04); }
            #locker-rush .lr-anomaly summary { cursor: pointer; font-weight: bold; }
            #locker-rush .lr-lanes text { font-size: 11px; fill: currentColor; }
            #locker-rush .lr-lanes line { stroke: #999; stroke-width: 1; }
            #locker-rush .lr-lanes .lr-origin { stroke: #555; stroke-dasharray: 3 3; }
            #locker-rush .lr-lanes rect { fill-opacity: 1; }
            #locker-rush .lr-lanes rect.lr-ok { fill: #1b8a3a; }
            #locker-rush .lr-lanes rect.lr-refused { fill: #e0a000; }
            #locker-rush .lr-lanes rect.lr-error { fill: #7b1fa2; }
            #locker-rush .lr-lanes rect.lr-anomalous { fill: #c62828; stroke: #000; stroke-width: 1; }
            #locker-rush tr.lr-anomalous td { color: #c62828; font-weight: bold; }
            #locker-rush .lr-legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
            """;

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 96;
    private static final int LANE_HEIGHT = 18;
    private static final int MAX_LANES = 12;

    private AnomaliesHtml() {}

    static Element render(AnomalyReport report) {
        Element box = new Element("div").id(ID);
        box.appendElement("h3").text("Anomalies: where the server broke a promise");
        if (report == null) {
            box.appendElement("p").text("Not looked for in this run.");
            return box;
        }
        if (report.isNone()) {
            box.appendElement("p").addClass("lr-pass").text("None: every answer was one the server promised, and "
                    + (report.databaseRead() ? "every invariant held." : "the database was not checked."));
            return box;
        }
        Element counts = box.appendElement("table").addClass("lr-anomaly-counts");
        for (AnomalyKind kind : AnomalyKind.values()) {
            long count = report.count(kind);
            Element row = counts.appendElement("tr").attr("data-anomaly-kind", kind.key());
            row.appendElement("td").addClass(count == 0 ? "lr-pass" : "lr-fail").text(count == 0 ? "none" : "FOUND");
            row.appendElement("td").text(kind.label());
            row.appendElement("td").addClass("lr-number").text(String.format(Locale.ROOT, "%,d", count));
        }
        box.appendElement("p").addClass("lr-note").text("The first " + report.detailedPerKind()
                + " of each kind in full, in the order they happened"
                + (report.databaseRead() ? "; the database and Redis as they were after the load, before the restore."
                : "; the run had no database, so no rows or keys are shown."));
        for (int i = 0; i < report.details().size(); i++) {
            box.appendChild(anomaly(report.details().get(i), i == 0)); // the first is shown open
        }
        return box;
    }

    private static Element anomaly(Anomaly anomaly, boolean open) {
        Element details = new Element("details").addClass("lr-anomaly").attr("data-anomaly-kind", anomaly.kind())
                .attr("data-cause", anomaly.cause());
        if (open) {
            details.attr("open", "");
        }
        details.appendElement("summary").text(anomaly.summary());
        details.appendElement("p").text("Cause: " + anomaly.cause() + ", " + anomaly.causeText() + ".");
        if (!anomaly.timeline().isEmpty()) {
            details.appendChild(lanes(anomaly));
            details.appendChild(legend());
            details.appendChild(timelineTable(anomaly));
        }
        if (anomaly.timelineOmitted() > 0) {
            details.appendElement("p").addClass("lr-note").text(anomaly.timelineOmitted()
                    + " more requests in the window are left out here and in the results file.");
        }
        for (LockerState state : anomaly.lockers()) {
            details.appendChild(lockerState(state));
        }
        return details;
    }

    /** One lane per student (the anomalous student's first), a bar per request, the origin as a dashed line. */
    private static Element lanes(Anomaly anomaly) {
        List<TimelineEntry> entries = anomaly.timeline();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        if (anomaly.student() != null) {
            lanes.put(anomaly.student(), 0);
        }
        Stream.concat(entries.stream().filter(TimelineEntry::evidence),
                        entries.stream().sorted(Comparator.comparingLong(entry -> Math.abs(entry.offsetMs()))))
                .forEach(entry -> {
                    if (lanes.size() < MAX_LANES) {
                        lanes.putIfAbsent(String.valueOf(entry.student()), lanes.size());
                    }
                });
        long students = entries.stream().map(entry -> String.valueOf(entry.student())).distinct().count();
        long from = entries.stream().mapToLong(TimelineEntry::offsetMs).min().orElse(0);
        long to = entries.stream().mapToLong(entry -> entry.offsetMs() + entry.responseTimeMs()).max().orElse(from + 1);
        double span = Math.max(1, to - from);
        int height = lanes.size() * LANE_HEIGHT + 22;
        int plot = WIDTH - LABEL_WIDTH - 8;
        Element svg = new Element("svg").addClass("lr-lanes").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(WIDTH)).attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + WIDTH + " " + height).attr("role", "img");
        svg.appendElement("title").text("Requests on " + (anomaly.locker() == null ? "the student's way"
                : "locker " + anomaly.locker()) + " by student, from " + from + " ms to " + to + " ms");
        lanes.forEach((student, lane) -> {
            int y = lane * LANE_HEIGHT + 4;
            svg.appendElement("text").attr("x", "0").attr("y", Integer.toString(y + 12)).text(student);
            svg.appendElement("line").attr("x1", Integer.toString(LABEL_WIDTH)).attr("x2", Integer.toString(WIDTH))
                    .attr("y1", Integer.toString(y + LANE_HEIGHT - 2)).attr("y2", Integer.toString(y + LANE_HEIGHT - 2));
        });
        if (from <= 0 && to >= 0) {
            String x = coordinate(LABEL_WIDTH + (0 - from) / span * plot);
            svg.appendElement("line").addClass("lr-origin").attr("x1", x).attr("x2", x).attr("y1", "0")
                    .attr("y2", Integer.toString(height - 18));
        }
        for (TimelineEntry entry : entries) {
            Integer lane = lanes.get(String.valueOf(entry.student()));
            if (lane == null) {
                continue;
            }
            double x = LABEL_WIDTH + (entry.offsetMs() - from) / span * plot;
            double width = Math.max(2, entry.responseTimeMs() / span * plot);
            Element bar = svg.appendElement("rect").addClass(barClass(entry))
                    .attr("x", coordinate(x)).attr("y", Integer.toString(lane * LANE_HEIGHT + 6))
                    .attr("width", coordinate(width)).attr("height", Integer.toString(LANE_HEIGHT - 8));
            bar.appendElement("title").text(String.format(Locale.ROOT, "%+d ms, %s, %s: %s (%d ms)", entry.offsetMs(),
                    entry.student(), entry.endpoint(), entry.answer(), entry.responseTimeMs()));
        }
        int axis = height - 4;
        svg.appendElement("text").attr("x", Integer.toString(LABEL_WIDTH)).attr("y", Integer.toString(axis))
                .text(String.format(Locale.ROOT, "%+d ms", from));
        svg.appendElement("text").attr("x", Integer.toString(WIDTH - 70)).attr("y", Integer.toString(axis))
                .text(String.format(Locale.ROOT, "%+d ms", to));
        if (students > lanes.size()) {
            svg.appendElement("text").attr("x", Integer.toString(WIDTH / 2 - 120)).attr("y", Integer.toString(axis))
                    .text((students - lanes.size()) + " more students in the table, not drawn");
        }
        return svg;
    }

    private static String barClass(TimelineEntry entry) {
        if (entry.anomalous()) {
            return "lr-anomalous";
        }
        return entry.status() / 100 == 2 ? "lr-ok" : entry.status() / 100 == 4 ? "lr-refused" : "lr-error";
    }

    private static Element legend() {
        Element legend = new Element("p").addClass("lr-legend").addClass("lr-note");
        legend.appendText("Bars from a request's start to its answer:");
        for (String[] item : new String[][] {{"#1b8a3a", "2xx"}, {"#e0a000", "4xx"}, {"#7b1fa2", "5xx"},
                {"#c62828", "the anomalous answer"}}) {
            legend.appendElement("span").attr("style", "background:" + item[0]);
            legend.appendText(item[1]);
        }
        legend.appendText(". The dashed line is the timeline's origin (0 ms): the student's hold. Lanes: the student, "
                + "then the students the cause rests on, then those nearest the hold.");
        return legend;
    }

    private static Element timelineTable(Anomaly anomaly) {
        Element table = new Element("table").addClass("lr-timeline");
        header(table, "offset", "start (UTC)", "student", "request", "answer", "response time", "cause rests on it");
        for (TimelineEntry entry : anomaly.timeline()) {
            Element row = table.appendElement("tr");
            if (entry.anomalous()) {
                row.addClass("lr-anomalous");
            }
            row.appendElement("td").addClass("lr-number").text(String.format(Locale.ROOT, "%+d ms", entry.offsetMs()));
            row.appendElement("td").text(entry.start().substring(entry.start().indexOf('T') + 1));
            row.appendElement("td").text(String.valueOf(entry.student()));
            row.appendElement("td").text(entry.endpoint() + (entry.locker() == null ? "" : " (" + entry.locker() + ")"));
            row.appendElement("td").text(entry.answer());
            row.appendElement("td").addClass("lr-number").text(entry.responseTimeMs() + " ms");
            row.appendElement("td").text(entry.evidence() ? anomaly.cause() : "");
        }
        return table;
    }

    private static Element lockerState(LockerState state) {
        Element box = new Element("div").addClass("lr-locker-state").attr("data-locker", Integer.toString(state.locker()));
        box.appendElement("p").text("Locker " + state.locker() + " after the load: owner "
                + (state.ownerStudentId() == null ? "none" : state.ownerStudentId() + " (serial " + state.ownerSerialId() + ")")
                + "; Redis " + state.holdKey().key() + " " + holdKey(state.holdKey()) + ".");
        if (state.assignments().isEmpty()) {
            box.appendElement("p").addClass("lr-note").text("No locker_assignments row.");
            return box;
        }
        Element table = box.appendElement("table").addClass("lr-assignments");
        header(table, "assignment", "student", "state", "created", "hold expires", "confirmed", "released");
        for (LockerState.AssignmentRow row : state.assignments()) {
            Element tr = table.appendElement("tr").attr("data-state", row.state());
            List<String> cells = new ArrayList<>(List.of(Long.toString(row.assignmentId()),
                    row.studentId() == null ? "serial " + row.userSerialId() : row.studentId(), row.state()));
            for (String time : new String[] {row.createdAt(), row.holdExpiresAt(), row.confirmedAt(), row.releasedAt()}) {
                cells.add(time == null ? "–" : time);
            }
            cells.forEach(cell -> tr.appendElement("td").text(cell));
        }
        return box;
    }

    private static String holdKey(LockerState.HoldKey key) {
        if (!key.read()) {
            return "not read";
        }
        if (key.value() == null) {
            return "absent";
        }
        return "= " + key.value() + (key.ttlMs() == null || key.ttlMs() < 0 ? ", no expiry"
                : String.format(Locale.ROOT, ", %.1f s to live", key.ttlMs() / 1000.0));
    }

    /** A heading row of {@code names} in {@code table}. */
    static void header(Element table, String... names) {
        Element row = table.appendElement("tr");
        for (String name : names) {
            row.appendElement("th").text(name);
        }
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
