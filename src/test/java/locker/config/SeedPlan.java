package locker.config;

/**
 * What a run seeds: {@code totalUsers} test users with student ids {@code studentIdStart},
 * {@code studentIdStart + 1}, ... and {@code testLockersCount} test lockers. The values come from the
 * checked settings ({@code LoadTestConfig.seedPlan}) or from the ledger of an earlier run, which is restored
 * whatever the settings allow today; so the plan takes them as they are.
 */
public record SeedPlan(int totalUsers, long studentIdStart, int testLockersCount) {
    public long studentIdEnd() {
        return lastStudentId(studentIdStart, totalUsers);
    }

    /** The student ids as the results and the console show them: {@code first-last}. */
    public String studentIds() {
        return studentIdStart + "-" + studentIdEnd();
    }

    /** The last of {@code students} consecutive student ids from {@code first}. */
    public static long lastStudentId(long first, int students) {
        return first + students - 1;
    }
}
