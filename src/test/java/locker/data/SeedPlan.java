package locker.data;

/** TEMPORARY stand-in until the test-data branch is merged. */
public record SeedPlan(int totalUsers, long studentIdStart, int testLockersCount) {}
