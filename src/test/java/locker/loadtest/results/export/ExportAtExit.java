package locker.loadtest.results.export;

import io.gatling.javaapi.core.Simulation;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.ResponseStatuses;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.RunDirectories;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one call a simulation makes at the end of {@code after()}: {@link #afterRun}. Gatling writes the HTML
 * report only after {@code after()} returns, and then its JVM exits; a shutdown hook registered here runs
 * at that exit, when the report is complete, and exports it. A violated invariant ends the JVM with
 * {@link #INVARIANT_VIOLATED_EXIT_CODE}, so the Maven build fails.
 */
public final class ExportAtExit {
    public static final int INVARIANT_VIOLATED_EXIT_CODE = 3;
    public static final int EXPORT_FAILED_EXIT_CODE = 4;
    /** PROFILE=capacity: the largest level meeting every goal is below MIN_STABLE_CONCURRENCY. */
    public static final int BELOW_STABLE_CONCURRENCY_EXIT_CODE = 5;
    /** GENERATOR_SATURATION=fail and the load generator was saturated. */
    public static final int GENERATOR_SATURATED_EXIT_CODE = 6;

    private ExportAtExit() {}

    /** Stores {@code context} in this run's report folder and exports the report when the JVM exits. */
    public static void afterRun(Simulation simulation, RunContext context) {
        ResultsSettings settings = ResultsSettings.standard();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String simulationId = RunDirectories.simulationId(simulation.getClass());
        Path runDirectory = RunDirectories.newestRun(settings.gatlingResultsDirectory(), simulationId, jvmStart)
                .orElse(null);
        if (runDirectory == null) {
            System.err.println("[results] no run folder of " + simulationId + " in "
                    + settings.gatlingResultsDirectory().toAbsolutePath() + " (set GATLING_RESULTS_DIR); no "
                    + settings.resultsFile() + " for this run");
            context.invariants().stream().filter(invariant -> !invariant.passed()).forEach(invariant ->
                    System.err.println("[results] invariant VIOLATED: " + invariant.description() + " (" + invariant.detail() + ")"));
            if (context.invariantsViolated()) {
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> Runtime.getRuntime().halt(INVARIANT_VIOLATED_EXIT_CODE), "results-export"));
            }
            return;
        }
        Map<String, Object> config = new LinkedHashMap<>(context.config());
        config.put("simulation_class", simulation.getClass().getName());
        new RunContext(config, context.outcomes(), context.dbConnected(), context.invariants(),
                context.serverMetrics(), context.testData()).writeTo(runDirectory);
        ResponseStatuses.writeRecorded(runDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exportAtExit(runDirectory, settings), "results-export"));
    }

    /** A capacity below MIN_STABLE_CONCURRENCY or, with GENERATOR_SATURATION=fail, a saturated generator fails the run. */
    static int capacityAndGeneratorExitCode(Map<String, Object> document) {
        if (document.get("capacity") instanceof CapacityResult capacity && !capacity.meetsMinStableConcurrency()) {
            System.err.println("[results] capacity below MIN_STABLE_CONCURRENCY: " + capacity.verdict());
            return BELOW_STABLE_CONCURRENCY_EXIT_CODE;
        }
        if (document.get("generator") instanceof GeneratorReport generator && generator.failsRun()) {
            System.err.println("[results] the load generator was saturated and GENERATOR_SATURATION=fail");
            return GENERATOR_SATURATED_EXIT_CODE;
        }
        return 0;
    }

    private static void exportAtExit(Path runDirectory, ResultsSettings settings) {
        if (!Files.isRegularFile(runDirectory.resolve(ReportHtml.INDEX))) {
            System.err.println("[results] " + runDirectory + " has no HTML report (reports disabled?); nothing exported");
            return;
        }
        int exitCode;
        try {
            ResultsExporter.Export export = new ResultsExporter(settings).export(runDirectory);
            exitCode = export.invariantsViolated() ? INVARIANT_VIOLATED_EXIT_CODE
                    : capacityAndGeneratorExitCode(export.document());
        } catch (RuntimeException e) {
            System.err.println("[results] export of " + runDirectory + " failed: " + e);
            e.printStackTrace();
            exitCode = EXPORT_FAILED_EXIT_CODE;
        }
        System.out.flush();
        System.err.flush();
        if (exitCode != 0) {
            // System.exit would block inside a shutdown hook; halt is how a hook sets the exit status.
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
