package locker.report;

/** The load test's own users: numeric student ids from {@code first} to {@code last}, inclusive. */
public record TestUsers(long first, long last) {
    /** The seed's range, 20231000 to 20232999. */
    public static final TestUsers SEED_RANGE = new TestUsers(20231000L, 20232999L);

    public TestUsers {
        if (first > last) {
            throw new IllegalArgumentException("empty student id range " + first + ".." + last);
        }
    }
}
