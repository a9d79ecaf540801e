package locker.testdata;

/** The seeder or the restorer refused to act, and changed nothing; the message says why and what to do. */
public class TestDataRefusedException extends RuntimeException {
    public TestDataRefusedException(String message) {
        super(message);
    }
}
