package locker.loadtest.results;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbers of a Gatling 3.15 HTML report ({@value #INDEX}), read with jsoup. */
public final class ReportHtml {
    public static final String INDEX = "index.html";
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*([hms])");

    private ReportHtml() {}

    /** One row of the statistics table; times in milliseconds as the report shows them. */
    public record StatsRow(String name, long total, long ok, long ko, double koPercent, double throughput,
                           long min, long p50, long p75, long p95, long p99, long max, long mean, long stdDev) {}

    public record ErrorRow(String message, long count, double percent) {}

    public record AssertionRow(String description, boolean passed) {}

    /**
     * A parsed report: {@code global} is the "All Requests" row, {@code requests} the per-request rows in
     * report order; {@code durationSeconds} and {@code startTime} come from the run information card.
     */
    public record Tables(String gatlingVersion, String startTime, long durationSeconds, StatsRow global,
                         List<StatsRow> requests, List<ErrorRow> errors, List<AssertionRow> assertions) {}

    public static Tables read(Path runDirectory) {
        Path index = runDirectory.resolve(INDEX);
        Document document;
        try {
            document = Jsoup.parse(index.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
        List<StatsRow> global = rows(document, "#container_statistics_head tbody tr", ReportHtml::statsRow);
        if (global.size() != 1) {
            throw new IllegalStateException(index + ": expected one global statistics row, found " + global.size());
        }
        return new Tables(information(document, "Version"), information(document, "Date"),
                durationSeconds(information(document, "Duration")), global.get(0),
                rows(document, "#container_statistics_body tbody tr", ReportHtml::statsRow),
                rows(document, "#container_errors tbody tr",
                        cells -> new ErrorRow(cells.get(0).ownText().trim(), longAt(cells, 1), doubleAt(cells, 2))),
                rows(document, "#container_assertions tbody tr", cells -> new AssertionRow(
                        cells.get(0).ownText().trim(), cells.get(1).text().trim().equals("OK"))));
    }

    private static String information(Document document, String label) {
        for (Element item : document.select(".simulation-information-item")) {
            Element labelElement = item.selectFirst(".simulation-information-label");
            if (labelElement != null && labelElement.text().equals(label + ":")) {
                return labelElement.nextElementSibling().text().trim();
            }
        }
        throw new IllegalStateException("the report shows no " + label);
    }

    static long durationSeconds(String text) {
        long seconds = 0;
        Matcher matcher = DURATION_PART.matcher(text);
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(1));
            seconds += switch (matcher.group(2)) {
                case "h" -> value * 3600;
                case "m" -> value * 60;
                default -> value;
            };
        }
        return seconds;
    }

    /** Each table row of {@code selector}, its cells read by {@code row}. */
    private static <T> List<T> rows(Document document, String selector, Function<Elements, T> row) {
        return document.select(selector).stream().map(tr -> row.apply(tr.select("td"))).toList();
    }

    private static StatsRow statsRow(Elements cells) {
        return new StatsRow(cells.get(0).selectFirst(".ellipsed-name").text(), longAt(cells, 1), longAt(cells, 2),
                longAt(cells, 3), doubleAt(cells, 4), doubleAt(cells, 5), longAt(cells, 6), longAt(cells, 7),
                longAt(cells, 8), longAt(cells, 9), longAt(cells, 10), longAt(cells, 11), longAt(cells, 12),
                longAt(cells, 13));
    }

    private static long longAt(Elements cells, int index) {
        String text = number(cells, index);
        return text.equals("-") ? 0 : Long.parseLong(text);
    }

    private static double doubleAt(Elements cells, int index) {
        String text = number(cells, index);
        return text.equals("-") ? 0 : Double.parseDouble(text);
    }

    private static String number(Elements cells, int index) {
        return cells.get(index).text().replace("%", "").replace(",", "").trim();
    }
}
