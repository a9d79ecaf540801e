package locker.loadtest.results.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults.Summary;
import locker.loadtest.results.RunResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The figures of one run, read from a results file ({@code load_test_results.json}): the summary's throughput,
 * mean, 95th percentile and success rate, the scenario outcomes, and whether assertions and invariants held.
 */
public record ResultsFile(Path path, Map<Figure, Double> figures, Optional<String> reportFolder,
                          Optional<Boolean> assertionsPassed, Optional<Boolean> invariantsPassed) {

    /**
     * A figure compared across runs: its name in repeat_summary.json, its label, its key in the results file's
     * {@code summary} and how to read it there (null when the file lacks it).
     */
    public record Figure(String name, String label, String summaryKey, Function<Summary, ? extends Number> value) {
        public static final List<Figure> ALL = List.of(
                new Figure("throughput", "throughput (req/s)", Summary.AVERAGE_THROUGHPUT, Summary::averageThroughput),
                new Figure("mean_response_time", "mean (s)", Summary.AVERAGE_RESPONSE_TIME, Summary::averageResponseTime),
                new Figure("p95_response_time", "95th (s)", Summary.P95_RESPONSE_TIME, Summary::p95ResponseTime),
                new Figure("success_rate", "success rate (%)", Summary.SUCCESS_RATE, Summary::successRate),
                outcome(Outcome.HOLD_ATTEMPTS), outcome(Outcome.HOLDS_WON), outcome(Outcome.LOST_RACE),
                outcome(Outcome.CONFIRMED), outcome(Outcome.GIVEN_UP), outcome(Outcome.NO_LOCKER_AVAILABLE),
                outcome(Outcome.OWNERSHIP_VERIFIED), outcome(Outcome.OWNERSHIP_MISMATCHED), outcome(Outcome.RELEASED));

        private static Figure outcome(Outcome outcome) {
            return new Figure(outcome.key(), outcome.key(), Summary.SCENARIO_OUTCOMES + "." + outcome.key(),
                    summary -> summary.scenarioOutcomes().get(outcome.key()));
        }

        /** The figure as a key path, as error messages name it: {@code summary.average_throughput}. */
        public String key() {
            return RunResults.SUMMARY + "." + summaryKey;
        }
    }

    /** The file is missing, unreadable or not a results file; the message says which and why. */
    public static final class InvalidResultsFile extends IllegalArgumentException {
        InvalidResultsFile(Path path, String reason) {
            super(path + " is not a load test results file: " + reason);
        }
    }

    public ResultsFile {
        figures = Map.copyOf(figures);
    }

    public double figure(Figure figure) {
        return figures.get(figure);
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
        Map<Figure, Double> figures = new LinkedHashMap<>();
        for (Figure figure : Figure.ALL) {
            Number value = figure.value().apply(results.summary());
            if (value == null) {
                throw new InvalidResultsFile(path, "it has no number at " + figure.key());
            }
            figures.put(figure, value.doubleValue());
        }
        return new ResultsFile(path, figures,
                Optional.ofNullable(results.config()).map(RunResults.RunConfig::reportFolder),
                Optional.ofNullable(results.assertions()).map(assertions -> assertions.stream()
                        .allMatch(RunResults.AssertionResult::passed)),
                Optional.ofNullable(results.invariants()).map(invariants -> invariants.stream()
                        .allMatch(InvariantResult::passed)));
    }
}
