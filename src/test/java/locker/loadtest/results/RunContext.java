package locker.loadtest.results;

import locker.loadtest.RunFolderFile;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.metrics.ServerMetrics;
import locker.testdata.TestDataSummary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the simulation knows and the Gatling report does not, written as run-context.json into the run's
 * report folder. {@code config} should be free of secrets (keys named like one are dropped); {@code outcomes} uses the keys of
 * {@link #OUTCOME_KEYS}. Assertions are not here: Gatling stores them in simulation.log and the report.
 */
public record RunContext(Map<String, Object> config, Map<String, Long> outcomes, boolean dbConnected,
                         List<InvariantResult> invariants, ServerMetrics serverMetrics, TestDataSummary testData,
                         AnomalyReport anomalies, ContractReport contract, Map<String, Long> timeline) {
    private static final RunFolderFile<RunContext> FILE = new RunFolderFile<>("run-context.json", RunContext.class);
    public static final List<String> OUTCOME_KEYS = Arrays.stream(Outcome.values()).map(Outcome::key).toList();

    private static final Pattern SECRET_KEY = Pattern.compile("(?i)password|secret|token|credential");

    public RunContext {
        config = Collections.unmodifiableMap(withoutSecrets(config));
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        invariants = List.copyOf(invariants);
        timeline = timeline == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timeline));
    }

    /** A context without the run's timeline (a run of the report's fixtures). */
    public RunContext(Map<String, Object> config, Map<String, Long> outcomes, boolean dbConnected,
                      List<InvariantResult> invariants, ServerMetrics serverMetrics, TestDataSummary testData,
                      AnomalyReport anomalies, ContractReport contract) {
        this(config, outcomes, dbConnected, invariants, serverMetrics, testData, anomalies, contract, Map.of());
    }

    /** A context without server metrics, test-data details, anomalies or contract check (all null). */
    public RunContext(Map<String, Object> config, Map<String, Long> outcomes, boolean dbConnected,
                      List<InvariantResult> invariants) {
        this(config, outcomes, dbConnected, invariants, null, null, null, null, Map.of());
    }

    public RunContext withSetting(String name, Object value) {
        Map<String, Object> settings = new LinkedHashMap<>(config);
        settings.put(name, value);
        return new RunContext(settings, outcomes, dbConnected, invariants, serverMetrics, testData, anomalies, contract,
                timeline);
    }

    /** The same context with the run's timeline as the export completed it. */
    public RunContext withTimeline(Map<String, Long> completed) {
        return new RunContext(config, outcomes, dbConnected, invariants, serverMetrics, testData, anomalies, contract,
                completed);
    }

    // A last guard: results files get shared, so a setting named like a secret never reaches one.
    private static Map<String, Object> withoutSecrets(Map<String, Object> config) {
        Map<String, Object> kept = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (!SECRET_KEY.matcher(key).find()) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    public boolean invariantsViolated() {
        return invariants.stream().anyMatch(invariant -> !invariant.passed());
    }

    public long outcome(String key) {
        return outcomes.getOrDefault(key, 0L);
    }

    public void writeTo(Path runDirectory) {
        FILE.write(runDirectory, this);
    }

    /** The context stored in a run's report folder, or an empty one when the run left none. */
    public static RunContext readFrom(Path runDirectory) {
        return FILE.read(runDirectory).orElseGet(() -> new RunContext(Map.of(), Map.of(), false, List.of()));
    }
}
