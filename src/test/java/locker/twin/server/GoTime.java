package locker.twin.server;

/**
 * A whole-second instant as Go's {@code time.Time} holds it: seconds since the year 1 in an {@code int64}, reached from
 * Unix seconds by adding 62,135,596,800 with Go's wrap-around. Only what the token checks need: Go's own arithmetic,
 * so that out-of-range claims compare as they do in the deployed server.
 */
record GoTime(long secondsSinceYearOne) {
    private static final long UNIX_TO_INTERNAL = 62_135_596_800L;

    static GoTime now() {
        return new GoTime(System.currentTimeMillis() / 1000 + UNIX_TO_INTERNAL);
    }

    /**
     * golang-jwt's {@code newNumericDateFromSeconds}: {@code math.Modf}, Go's float-to-int64 conversion (amd64 gives
     * the smallest int64 for anything out of range), {@code time.Unix}'s normalisation of the nanoseconds, and the cut
     * to whole seconds.
     */
    static GoTime fromSeconds(double unixSeconds) {
        double whole = unixSeconds < 0 ? Math.ceil(unixSeconds) : Math.floor(unixSeconds);
        long seconds = goInt64(whole);
        long nanos = goInt64((unixSeconds - whole) * 1e9);
        if (nanos < 0 || nanos >= 1_000_000_000L) {
            long carry = nanos / 1_000_000_000L;
            seconds += carry;
            nanos -= carry * 1_000_000_000L;
            if (nanos < 0) {
                seconds--;
            }
        }
        return new GoTime(seconds + UNIX_TO_INTERNAL);
    }

    /** {@code t.Before(u)} for this {@code now} (which has a fraction of a second) and a whole-second {@code other}. */
    boolean isBefore(GoTime other) {
        return secondsSinceYearOne < other.secondsSinceYearOne;
    }

    private static long goInt64(double value) {
        return Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63 ? Long.MIN_VALUE : (long) value;
    }
}
