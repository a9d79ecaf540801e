package locker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The rows of a benchmark: printed as one table, and written as {@code benchmark_results.json}. */
final class BenchmarkReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One figure.
     *
     * @param figure   what was measured
     * @param goal     what it should be ("–" where the row only informs)
     * @param measured the measurement, in words and numbers
     * @param met      whether the goal is met; null where there is no goal
     * @param command  the command that measures it on its own
     * @param details  everything behind the measurement (per run figures, CPU, phases)
     */
    record Row(String figure, String goal, String measured, Boolean met, String command, Map<String, Object> details) {}

    private final Map<String, Object> machine;
    private final boolean quick;
    private final List<Row> rows = new ArrayList<>();

    BenchmarkReport(Map<String, Object> machine, boolean quick) {
        this.machine = machine;
        this.quick = quick;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The table: figure, goal, measured, met; then each row's command. */
    String table() {
        String[] headers = {"figure", "goal", "measured", "met"};
        List<String[]> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(new String[]{row.figure(), row.goal(), row.measured(),
                    row.met() == null ? "–" : row.met() ? "yes" : "NO"});
        }
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (String[] line : cells) {
                widths[column] = Math.max(widths[column], line[column].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        appendLine(out, Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new), widths);
        cells.forEach(line -> appendLine(out, line, widths));
        out.append("\ncommands:\n");
        for (Row row : rows) {
            out.append("  ").append(row.figure()).append(": ").append(row.command()).append('\n');
        }
        return out.toString();
    }

    void write(Path file) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("machine", machine);
        document.put("quick", quick);
        List<Map<String, Object>> described = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("figure", row.figure());
            entry.put("goal", row.goal());
            entry.put("measured", row.measured());
            entry.put("met", row.met());
            entry.put("command", row.command());
            entry.put("details", row.details());
            described.add(entry);
        }
        document.put("rows", described);
        try {
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run whose figure is the median (for an even count, the lower of the middle two). */
    static <T> T medianRun(List<T> runs, ToDoubleFunction<T> figure) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(figure.applyAsDouble(a), figure.applyAsDouble(b)));
        return sorted.get((sorted.size() - 1) / 2);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static void appendLine(StringBuilder out, String[] cells, int[] widths) {
        for (int column = 0; column < cells.length; column++) {
            out.append(column == 0 ? "" : " | ").append(String.format("%-" + widths[column] + "s", cells[column]));
        }
        out.append('\n');
    }
}
