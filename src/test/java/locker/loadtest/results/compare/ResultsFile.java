package locker.loadtest.results.compare;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one run, read from a results file ({@code load_test_results.json}): the summary's throughput,
 * mean, 95th percentile and success rate, the scenario outcomes, and whether assertions and invariants held.
 */
public record ResultsFile(Path path, Map<Figure, Double> figures, Optional<String> reportFolder,
                          Optional<Boolean> assertionsPassed, Optional<Boolean> invariantsPassed) {

    /** A figure compared across runs: its name in repeat_summary.json, its label and where it is in a results file. */
    public record Figure(String name, String label, String pointer) {
        public static final List<Figure> ALL = List.of(
                new Figure("throughput", "throughput (req/s)", "/summary/average_throughput"),
                new Figure("mean_response_time", "mean (s)", "/summary/average_response_time"),
                new Figure("p95_response_time", "95th (s)", "/summary/p95_response_time"),
                new Figure("success_rate", "success rate (%)", "/summary/success_rate"),
                outcome("hold_attempts"), outcome("holds_won"), outcome("lost_race"), outcome("confirmed"),
                outcome("given_up"), outcome("no_locker_available"), outcome("ownership_verified"),
                outcome("ownership_mismatched"), outcome("released"));

        private static Figure outcome(String key) {
            return new Figure(key, key, "/summary/scenario_outcomes/" + key);
        }

        /** The figure as a key path, as error messages name it: {@code summary.average_throughput}. */
        public String key() {
            return pointer.substring(1).replace('/', '.');
        }
    }

    /** The file is missing, unreadable or not a results file; the message says which and why. */
    public static final class InvalidResultsFile extends IllegalArgumentException {
        InvalidResultsFile(Path path, String reason) {
            super(path + " is not a load test results file: " + reason);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
            root = JSON.readTree(path.toFile());
        } catch (JacksonException e) {
            throw new InvalidResultsFile(path, "not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InvalidResultsFile(path, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("summary").isObject()) {
            throw new InvalidResultsFile(path, "it has no \"summary\" object");
        }
        Map<Figure, Double> figures = new LinkedHashMap<>();
        for (Figure figure : Figure.ALL) {
            JsonNode value = root.at(figure.pointer());
            if (!value.isNumber()) {
                throw new InvalidResultsFile(path, "it has no number at " + figure.key());
            }
            figures.put(figure, value.asDouble());
        }
        return new ResultsFile(path, figures, text(root.at("/config/report_folder")),
                allPassed(root.path("assertions")), allPassed(root.path("invariants")));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** True when every entry of the list has {@code passed: true}; empty when the file has no such list. */
    private static Optional<Boolean> allPassed(JsonNode list) {
        if (!list.isArray()) {
            return Optional.empty();
        }
        boolean passed = true;
        for (JsonNode entry : list) {
            passed &= entry.path("passed").asBoolean(false);
        }
        return Optional.of(passed);
    }
}
