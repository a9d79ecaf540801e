package locker.loadtest.anomalies;

/** The load test's own users: numeric student ids from {@code first} to {@code last}, inclusive. */
public record StudentIdRange(long first, long last) {
    /** The original load test's range, 20231000 to 20232999. */
    public static final StudentIdRange SEED_RANGE = new StudentIdRange(20231000L, 20232999L);

    public StudentIdRange {
        if (first > last) {
            throw new IllegalArgumentException("empty student id range " + first + ".." + last);
        }
    }
}
