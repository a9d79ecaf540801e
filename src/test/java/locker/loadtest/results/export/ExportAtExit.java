package locker.loadtest.results.export;

import io.gatling.javaapi.core.Simulation;
import locker.loadtest.capacity.CapacityRecord;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.ResponseStatuses;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.RunDirectories;
import locker.loadtest.results.RunResults;
import locker.testdata.TestDataSummary;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one call a simulation makes at the end of {@code after()}: {@link #afterRun}. Gatling writes the HTML
 * report only after {@code after()} returns, and then its JVM exits; a shutdown hook registered here runs
 * at that exit, when the report is complete, and exports it. A violated invariant ends the JVM with
 * {@link ExitStatus#INVARIANT_VIOLATED}, so the Maven build fails.
 * <p>
 * Why {@code Runtime.halt}: Gatling 3.15's {@code main} writes the report and then calls {@code System.exit} with
 * its own status (0, or 2 for a missed assertion); between the two nothing of the simulation runs but the JVM's
 * shutdown hooks, and a hook that calls {@code System.exit} blocks for ever. Halting is the one way left to give
 * the run the status its results call for; it is called only with a non-zero status, after the output is flushed.
 */
public final class ExportAtExit {
    private ExportAtExit() {}

    /** Stores {@code context} in this run's report folder and exports the report when the JVM exits. */
    public static void afterRun(Simulation simulation, RunContext context) {
        afterRun(simulation, context, null, null);
    }

    /**
     * The same, with the capacity search's record and the generator's report also left in the folder for the
     * export; either may be null (the run has no such section).
     */
    public static void afterRun(Simulation simulation, RunContext context, CapacityRecord capacity,
                                GeneratorReport generator) {
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
            databaseStatus(context.invariantsViolated(), context.testData()).ifPresent(status -> Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(status.code()), "results-export")));
            return;
        }
        context.withSetting(RunResults.RunConfig.SIMULATION_CLASS, simulation.getClass().getName()).writeTo(runDirectory);
        if (capacity != null) {
            capacity.writeTo(runDirectory);
        }
        if (generator != null) {
            generator.writeTo(runDirectory);
        }
        ResponseStatuses.writeRecorded(runDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exportAtExit(runDirectory, settings), "results-export"));
    }

    /**
     * The run's exit status from its results: a violated invariant, then a database not restored exactly, then a failed
     * contract check, then a locker left held or owned by a run without its database, then the capacity search and the
     * generator.
     */
    static int exitCode(RunResults results) {
        Optional<ExitStatus> database = databaseStatus(results.invariantsViolated(), results.testData());
        if (database.isPresent()) {
            if (database.get() == ExitStatus.RESTORE_INCOMPLETE) {
                System.err.println("[results] the database is not exactly as before the run: "
                        + results.testData().restore());
            }
            return database.get().code();
        }
        if (results.contract() != null && results.contract().failed()) {
            System.err.println("[results] the contract check failed: the server's answers differ from those the load"
                    + " test relies on");
            return ExitStatus.CONTRACT_MISMATCH.code();
        }
        Integer lockersLeft = results.testData() == null ? null : results.testData().lockersLeft();
        if (lockersLeft != null && lockersLeft > 0) {
            System.err.println("[results] " + lockersLeft + " lockers stay held or owned by test students on the server");
            return ExitStatus.LOCKERS_LEFT_ON_SERVER.code();
        }
        return capacityAndGeneratorExitCode(results.capacity(), results.generator());
    }

    /** What the database says of the run, before anything else: a violated invariant, then a restore not exact. */
    private static Optional<ExitStatus> databaseStatus(boolean invariantsViolated, TestDataSummary testData) {
        if (invariantsViolated) {
            return Optional.of(ExitStatus.INVARIANT_VIOLATED);
        }
        if (testData != null && testData.notRestoredExactly()) {
            return Optional.of(ExitStatus.RESTORE_INCOMPLETE);
        }
        return Optional.empty();
    }

    /**
     * A capacity below MIN_STABLE_CONCURRENCY or, with GENERATOR_SATURATION=fail, a saturated generator fails the
     * run; either may be null (the run has no such section).
     */
    static int capacityAndGeneratorExitCode(CapacityResult capacity, GeneratorReport generator) {
        if (capacity != null && !capacity.meetsMinStableConcurrency()) {
            System.err.println("[results] capacity below MIN_STABLE_CONCURRENCY: " + capacity.verdict());
            return ExitStatus.BELOW_MIN_STABLE_CONCURRENCY.code();
        }
        if (generator != null && generator.failsRun()) {
            System.err.println("[results] the load generator was saturated and GENERATOR_SATURATION=fail");
            return ExitStatus.GENERATOR_SATURATED.code();
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
            exitCode = exitCode(new ResultsExporter(settings).export(runDirectory));
        } catch (RuntimeException e) {
            System.err.println("[results] export of " + runDirectory + " failed: " + e);
            e.printStackTrace();
            exitCode = ExitStatus.EXPORT_FAILED.code();
        }
        System.out.flush();
        System.err.flush();
        if (exitCode != 0) {
            // System.exit would block inside a shutdown hook; halt is how a hook sets the exit status.
            Runtime.getRuntime().halt(exitCode);
        }
    }
}
