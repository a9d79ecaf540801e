package locker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import locker.loadtest.results.TextTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** benchmark_results.json. */
    record Document(Map<String, Object> machine, boolean quick, List<Row> rows) {}

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
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of("figure", "goal", "measured", "met"));
        for (Row row : rows) {
            cells.add(List.of(row.figure(), row.goal(), row.measured(),
                    row.met() == null ? "–" : row.met() ? "yes" : "NO"));
        }
        StringBuilder out = new StringBuilder(TextTable.ruled(cells));
        out.append("\ncommands:\n");
        for (Row row : rows) {
            out.append("  ").append(row.figure()).append(": ").append(row.command()).append('\n');
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), new Document(machine, quick, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
