package locker.loadtest.results;

/**
 * The exit statuses of a load test's JVM (Gatling's fork under {@code ./mvnw gatling:test}, the run script) and of
 * the command-line tools beside it; docs/results-and-report.md lists them for users. 0 is a run that held; a missed
 * Gatling assertion fails the run as Gatling does (Maven's "Gatling failed").
 */
public enum ExitStatus {
    /** scripts/benchmark.sh: a run it measured left no results (its log says why); a goal not met is not an error. */
    BENCHMARK_RUN_WITHOUT_RESULTS(1),
    /**
     * A refused setting or argument: the message names it, and nothing was started or changed (scripts/benchmark.sh:
     * also the nginx its ceiling step needs and cannot install).
     */
    BAD_SETTINGS(2),
    /** A database invariant was violated after the run: a defect of the server. */
    INVARIANT_VIOLATED(3),
    /** The results export itself failed. */
    EXPORT_FAILED(4),
    /** PROFILE=capacity: the largest level meeting every goal is below MIN_STABLE_CONCURRENCY. */
    BELOW_MIN_STABLE_CONCURRENCY(5),
    /** GENERATOR_SATURATION=fail and the load generator was saturated. */
    GENERATOR_SATURATED(6),
    /**
     * The target did not answer {@code GET /api/v1/health} with 200, the contract check could not seed its own test
     * data, or the load's test data was refused (another run holds the database, or it does not look like the
     * contract's): nothing of the load was seeded.
     */
    PREFLIGHT_FAILED(7),
    /** The contract check found an answer other than the one the load test relies on: nothing of the load was seeded. */
    CONTRACT_MISMATCH(8),
    /** A run without the database left a locker held or owned by a test student on the server. */
    LOCKERS_LEFT_ON_SERVER(9),
    /**
     * The database is not exactly as before the run: the restore failed (the database stopped answering; the test data
     * is still there and scripts/restore.sh removes it) or rows that are not test data changed during the run.
     */
    RESTORE_INCOMPLETE(10);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * Ends this JVM with this status, {@code message} its last line on standard error (standard output is flushed
     * first). Returns an exception for callers that must {@code throw} to satisfy the compiler; it is never reached.
     */
    public IllegalStateException exit(String message) {
        System.out.flush();
        System.err.println(message);
        System.err.flush();
        System.exit(code);
        return new IllegalStateException(message);
    }
}
