package locker.testdata;

/**
 * The run's test data is gone, but rows that are not test data differ from the snapshot taken before
 * the run (someone else changed them meanwhile); they were reported, not overwritten.
 */
public class RestoreMismatchException extends RuntimeException {
    private final transient RestoreReport report;

    public RestoreMismatchException(RestoreReport report) {
        super("the database differs from its state before run #" + report.runId() + ":\n" + report.describe());
        this.report = report;
    }

    public RestoreReport report() {
        return report;
    }
}
