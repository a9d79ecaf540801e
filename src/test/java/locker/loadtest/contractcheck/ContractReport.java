package locker.loadtest.contractcheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code contract} section of the results: the contract check's rows, whether every answer was the one the load
 * test relies on, how long the check took (its own test data's seeding and restore included) and against what; or
 * why it was skipped ({@code skipped}, no rows, not passed).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContractReport(String baseUrl, boolean passed, double seconds, List<ContractRow> rows,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String skipped) {
    // ✔ and ✘ where the console can show them; a console in the C locale would print both as "?"
    private static final boolean CONSOLE_SHOWS_MARKS = consoleCharset().newEncoder().canEncode("✔✘");
    private static final String PASSED_MARK = CONSOLE_SHOWS_MARKS ? "✔" : "ok";
    private static final String DIFFERS_MARK = CONSOLE_SHOWS_MARKS ? "✘" : "NO";

    public ContractReport {
        rows = List.copyOf(rows);
    }

    /** The report of {@code rows} from a check that took {@code nanos}. */
    public static ContractReport of(String baseUrl, List<ContractRow> rows, long nanos) {
        return new ContractReport(baseUrl, rows.stream().allMatch(ContractRow::passed), nanos / 1e9, rows, null);
    }

    /** A check that was not made, and why. */
    public static ContractReport skipped(String baseUrl, String why) {
        return new ContractReport(baseUrl, false, 0, List.of(), why);
    }

    /** Whether the check was made and an answer differed: the run fails. */
    @JsonIgnore
    public boolean failed() {
        return skipped == null && !passed;
    }

    /** The first row whose answer differs. */
    public Optional<ContractRow> firstMismatch() {
        return rows.stream().filter(row -> !row.passed()).findFirst();
    }

    @JsonIgnore
    public long mismatches() {
        return rows.stream().filter(row -> !row.passed()).count();
    }

    /** The rows as a text table for the console, with a verdict line under it. */
    public String table() {
        if (skipped != null) {
            return "  skipped: " + skipped + "\n";
        }
        int behaviour = width(rows.stream().map(ContractRow::behaviour).toList(), "behaviour");
        int request = width(rows.stream().map(ContractRow::request).toList(), "request");
        int expected = width(rows.stream().map(ContractRow::expected).toList(), "expected");
        String format = "  %-" + behaviour + "s  %-" + request + "s  %-" + expected + "s  %s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "behaviour", "request", "expected", PASSED_MARK.length() == 1 ? " " : "  ",
                "got"));
        for (ContractRow row : rows) {
            out.append(String.format(Locale.ROOT, format, row.behaviour(), row.request(), row.expected(),
                    row.passed() ? PASSED_MARK : DIFFERS_MARK, row.got()));
        }
        out.append(String.format(Locale.ROOT, "  %s: %d of %d answers as the load test expects, %.1f s, against %s%n",
                passed ? "contract check passed" : "contract check FAILED", rows.size() - mismatches(), rows.size(),
                seconds, baseUrl));
        return out.toString();
    }

    private static Charset consoleCharset() {
        String encoding = System.getProperty("sun.stdout.encoding");
        try {
            return encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    private static int width(List<String> cells, String header) {
        return Math.min(60, Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0)));
    }
}
