package locker.testdata;

/**
 * The restore could not reach or change the database (it stopped, or refused the connection): its transaction was
 * rolled back, the test data is still there, and scripts/restore.sh (or the next run) removes it once the database
 * answers again.
 */
public class RestoreFailedException extends RuntimeException {
    public RestoreFailedException(String reason) {
        super("the restore failed and was rolled back; scripts/restore.sh retries it: " + reason);
    }
}
