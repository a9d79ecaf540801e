package locker.loadtest.results.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults.Summary;
import locker.loadtest.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One run's results file ({@code load_test_results.json}) as the comparison reads it: the results of a file that has
 * every compared figure.
 */
public record ResultsFile(Path path, RunResults results) {

    /**
     * A figure compared across runs: its name in repeat_summary.json, its label, its key in the results file's
     * {@code summary}, how to read it there (null when the file lacks it) and how the table writes it.
     */
    public record Figure(String name, String label, String summaryKey, Function<Summary, ? extends Number> value,
                         Format format) {
        public static final List<Figure> ALL = List.of(
                new Figure("throughput", "throughput (req/s)", Summary.AVERAGE_THROUGHPUT, Summary::averageThroughput,
                        Format.TWO_DECIMALS),
                new Figure("mean_response_time", "mean (s)", Summary.AVERAGE_RESPONSE_TIME,
                        Summary::averageResponseTime, Format.THREE_DECIMALS),
                new Figure("p95_response_time", "95th (s)", Summary.P95_RESPONSE_TIME, Summary::p95ResponseTime,
                        Format.THREE_DECIMALS),
                new Figure("success_rate", "success rate (%)", Summary.SUCCESS_RATE, Summary::successRate,
                        Format.TWO_DECIMALS),
                outcome(Outcome.HOLD_ATTEMPTS), outcome(Outcome.HOLDS_WON), outcome(Outcome.LOST_RACE),
                outcome(Outcome.CONFIRMED), outcome(Outcome.GIVEN_UP), outcome(Outcome.NO_LOCKER_AVAILABLE),
                outcome(Outcome.OWNERSHIP_VERIFIED), outcome(Outcome.OWNERSHIP_MISMATCHED), outcome(Outcome.RELEASED));

        private static Figure outcome(Outcome outcome) {
            return new Figure(outcome.key(), outcome.key(), Summary.SCENARIO_OUTCOMES + "." + outcome.key(),
                    summary -> summary.scenarioOutcomes().get(outcome.key()), Format.WHOLE_OR_ONE_DECIMAL);
        }

        /** The figure as a key path, as error messages name it: {@code summary.average_throughput}. */
        public String key() {
            return RunResults.SUMMARY + "." + summaryKey;
        }

        /** How a value is written in the table; a median of counts may be a half. */
        public enum Format {
            TWO_DECIMALS("%.2f"), THREE_DECIMALS("%.3f"), WHOLE_OR_ONE_DECIMAL("%.1f");

            private final String pattern;

            Format(String pattern) {
                this.pattern = pattern;
            }

            public String text(double value) {
                return this == WHOLE_OR_ONE_DECIMAL && value == Math.rint(value) ? String.valueOf((long) value)
                        : String.format(Locale.ROOT, pattern, value);
            }
        }
    }

    /** The file is missing, unreadable or not a results file; the message says which and why. */
    public static final class InvalidResultsFile extends IllegalArgumentException {
        InvalidResultsFile(Path path, String reason) {
            super(path + " is not a load test results file: " + reason);
        }
    }

    public double figure(Figure figure) {
        return figure.value().apply(results.summary()).doubleValue();
    }

    /** The run's report folder; null when the file does not name it. */
    public String reportFolder() {
        return results.config() == null ? null : results.config().reportFolder();
    }

    public static ResultsFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidResultsFile(path, "no such file");
        }
        JsonNode root;
        try {
            root = RunResults.tree(path);
        } catch (JacksonException e) {
            throw new InvalidResultsFile(path, "not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidResultsFile(path, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path(RunResults.SUMMARY).isObject()) {
            throw new InvalidResultsFile(path, "it has no \"" + RunResults.SUMMARY + "\" object");
        }
        RunResults results;
        try {
            results = RunResults.of(root);
        } catch (IllegalArgumentException e) {
            throw new InvalidResultsFile(path, e.getMessage());
        }
        for (Figure figure : Figure.ALL) {
            if (figure.value().apply(results.summary()) == null) {
                throw new InvalidResultsFile(path, "it has no number at " + figure.key());
            }
        }
        return new ResultsFile(path, results);
    }
}
