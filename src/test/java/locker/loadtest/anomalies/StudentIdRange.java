package locker.loadtest.anomalies;

/** The load test's own users: numeric student ids from {@code first} to {@code last}, inclusive. */
public record StudentIdRange(long first, long last) {
    public StudentIdRange {
        if (first > last) {
            throw new IllegalArgumentException("empty student id range " + first + ".." + last);
        }
    }
}
