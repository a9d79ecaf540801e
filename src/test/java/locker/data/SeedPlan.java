package locker.data;

import locker.config.SettingSource;

/**
 * What a run seeds: {@code totalUsers} test users with student ids {@code studentIdStart},
 * {@code studentIdStart + 1}, ... and {@code testLockersCount} test lockers.
 */
public record SeedPlan(int totalUsers, long studentIdStart, int testLockersCount) {
    public static final int DEFAULT_TOTAL_USERS = 1000;
    public static final long DEFAULT_STUDENT_ID_START = 20231000L;
    public static final int DEFAULT_TEST_LOCKERS_COUNT = 150;
    public static final int MAX_TOTAL_USERS = 1_000_000;
    public static final int MAX_TEST_LOCKERS_COUNT = 100_000;
    /** The server accepts student ids of 8 to 10 digits (the deployed one exactly 10). */
    static final long SMALLEST_STUDENT_ID = 10_000_000L;
    static final long LARGEST_STUDENT_ID = 9_999_999_999L;

    public SeedPlan {
        if (totalUsers < 1 || totalUsers > MAX_TOTAL_USERS) {
            throw new IllegalArgumentException(
                    "TOTAL_USERS must be between 1 and " + MAX_TOTAL_USERS + ", got " + totalUsers);
        }
        if (studentIdStart < SMALLEST_STUDENT_ID || studentIdStart + totalUsers - 1 > LARGEST_STUDENT_ID) {
            throw new IllegalArgumentException("STUDENT_ID_START " + studentIdStart + " with TOTAL_USERS " + totalUsers
                    + " gives student ids outside 8 to 10 digits (" + SMALLEST_STUDENT_ID + "…" + LARGEST_STUDENT_ID + ")");
        }
        if (testLockersCount < 0 || testLockersCount > MAX_TEST_LOCKERS_COUNT) {
            throw new IllegalArgumentException("TEST_LOCKERS_COUNT must be between 0 and " + MAX_TEST_LOCKERS_COUNT
                    + ", got " + testLockersCount);
        }
    }

    /** TOTAL_USERS (1000), STUDENT_ID_START (20231000), TEST_LOCKERS_COUNT (150). */
    public static SeedPlan fromSettings(SettingSource settings) {
        return new SeedPlan(
                Settings.integer(settings, "TOTAL_USERS", DEFAULT_TOTAL_USERS),
                Settings.whole(settings, "STUDENT_ID_START", DEFAULT_STUDENT_ID_START),
                Settings.integer(settings, "TEST_LOCKERS_COUNT", DEFAULT_TEST_LOCKERS_COUNT));
    }

    public long studentIdEnd() {
        return studentIdStart + totalUsers - 1;
    }
}
