package locker.loadtest.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.metrics.ServerMetrics;
import locker.testdata.TestDataSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results file, {@code load_test_results.json}; docs/results-and-report.md describes each key. The export writes
 * it; the comparison, the benchmark and the report's sections read it. Times are in seconds. Every key is named once:
 * here, or in the record of a section that the package producing it defines (capacity, generator, server metrics,
 * test data). The optional sections are left out of the file when a run has none.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunResults(RunConfig config, Summary summary, Map<String, Endpoint> endpoints, List<ErrorCount> errors,
                         List<AssertionResult> assertions, List<InvariantResult> invariants,
                         @JsonInclude(JsonInclude.Include.NON_NULL) TestDataSummary testData,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ServerMetrics serverMetrics,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<RequestResult> detailedResults,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CapacityResult capacity,
                         @JsonInclude(JsonInclude.Include.NON_NULL) GeneratorReport generator,
                         @JsonInclude(JsonInclude.Include.NON_NULL) AnomalyReport anomalies,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ContractReport contract,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LatencyHistograms latencyHistograms,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> timeline) {
    public static final String SUMMARY = "summary";

    private static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // A results file of another version of the project may carry keys this one does not know.
    private static final ObjectMapper READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * {@code config}: the simulation's settings as it described them (free of secrets, {@code simulation_class}
     * among them), then what the export adds.
     *
     * @param testDuration run duration in whole seconds, as the report shows it
     * @param dbConnected  whether the simulation reached the database (invariants need it)
     * @param startTime    run start, as the report shows it
     * @param reportFolder absolute path of the run folder
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder("settings")
    public record RunConfig(@JsonAnyGetter @JsonAnySetter Map<String, Object> settings, long testDuration,
                            boolean dbConnected, String gatlingVersion, String startTime, String reportFolder) {
        /** The setting naming the simulation class, added to the simulation's own by the export. */
        public static final String SIMULATION_CLASS = "simulation_class";

        public RunConfig {
            settings = settings == null ? new LinkedHashMap<>() : new LinkedHashMap<>(settings);
        }

        public String simulationClass() {
            Object name = settings.get(SIMULATION_CLASS);
            return name == null ? null : name.toString();
        }
    }

    /**
     * {@code summary}: Gatling's "All Requests" row (Total, OK, KO, Cnt/s, times in seconds) and the scenario's
     * outcome counts, keyed by {@link Outcome#key()}. The figures the comparison reads are nullable, so that a file
     * without them is told apart from one where they are 0, and their keys are constants, as its messages name them.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(long totalRequests, long successfulRequests, long failedRequests,
                          @JsonProperty(SUCCESS_RATE) Double successRate,
                          @JsonProperty(AVERAGE_THROUGHPUT) Double averageThroughput,
                          @JsonProperty(AVERAGE_RESPONSE_TIME) Double averageResponseTime,
                          Double medianResponseTime, Double minResponseTime, Double maxResponseTime,
                          Double p75ResponseTime,
                          @JsonProperty(P95_RESPONSE_TIME) Double p95ResponseTime,
                          Double p99ResponseTime, Double responseTimeStdDev,
                          @JsonProperty(SCENARIO_OUTCOMES) Map<String, Long> scenarioOutcomes) {
        public static final String SUCCESS_RATE = "success_rate";
        public static final String AVERAGE_THROUGHPUT = "average_throughput";
        public static final String AVERAGE_RESPONSE_TIME = "average_response_time";
        public static final String P95_RESPONSE_TIME = "p95_response_time";
        public static final String SCENARIO_OUTCOMES = "scenario_outcomes";

        public Summary {
            scenarioOutcomes = scenarioOutcomes == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(scenarioOutcomes));
        }

        /** An outcome's count, 0 when the run did not report it. */
        public long outcome(String key) {
            return scenarioOutcomes.getOrDefault(key, 0L);
        }
    }

    /** One request name's row of the report: counts, success rate (%), mean and 95th percentile (s). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Endpoint(long total, long ok, long ko, double successRate, double meanResponseTime,
                           double p95ResponseTime) {}

    /**
     * One error of the report: Gatling's text, the HTTP status it names (null: none), how often, % of all errors.
     */
    public record ErrorCount(String message, Integer status, long count, double share) {}

    /** One assertion the simulation declared; {@code actual} in the assertion's unit, null if Gatling could not resolve it. */
    public record AssertionResult(String description, boolean passed, Double actual) {}

    /**
     * One request of {@code detailed_results}, in log order, with the original load test's keys: {@code statusCode}
     * null when no response came, {@code errorMessage} null when OK, {@code startTime} in epoch seconds.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RequestResult(boolean success, Integer statusCode, double responseTime, String endpoint,
                                String errorMessage, double startTime) {}

    /** A section a file lacks is null. */
    public RunResults {
        endpoints = endpoints == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        errors = errors == null ? null : List.copyOf(errors);
        assertions = assertions == null ? null : List.copyOf(assertions);
        invariants = invariants == null ? null : List.copyOf(invariants);
    }

    /** Whether every assertion held; empty when the file has no {@code assertions}. */
    public Optional<Boolean> assertionsHeld() {
        return Optional.ofNullable(assertions).map(all -> all.stream().allMatch(AssertionResult::passed));
    }

    /** Whether every assertion held; true when there were none. */
    public boolean assertionsPassed() {
        return assertionsHeld().orElse(true);
    }

    /** Whether every invariant held; empty when the file has no {@code invariants}. */
    public Optional<Boolean> invariantsHeld() {
        return Optional.ofNullable(invariants).map(all -> all.stream().allMatch(InvariantResult::passed));
    }

    public boolean invariantsViolated() {
        return !invariantsHeld().orElse(true);
    }

    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            WRITER.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The results in {@code json}; a key this project does not know is ignored, a missing one is null or 0. */
    public static RunResults of(JsonNode json) {
        try {
            return READER.treeToValue(json, RunResults.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not the layout of a results file (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** The JSON tree of a results file, for callers that check its shape before reading it. */
    public static JsonNode tree(Path file) throws IOException {
        return READER.readTree(file.toFile());
    }

    public static RunResults read(Path file) {
        try {
            return of(tree(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results file " + file + ": " + e.getMessage(), e);
        }
    }
}
