package locker.testdata;

import java.util.List;
import java.util.Optional;

/**
 * What {@link TestData#seed} did. Without a database ({@code dbConnected} false) nothing was inserted:
 * login-or-register registers {@code users} itself, and they may remain on the server.
 * {@code earlierRun} is the restore of an unrestored earlier run, done first.
 */
public record SeedResult(boolean dbConnected, long runId, List<TestUser> users, Integer firstTestLockerId,
                         int testLockers, Optional<RestoreReport> earlierRun) {
    /** The ids of the test lockers (empty without a database). */
    public List<Integer> testLockerIds() {
        if (firstTestLockerId == null) {
            return List.of();
        }
        return java.util.stream.IntStream.range(firstTestLockerId, firstTestLockerId + testLockers).boxed().toList();
    }
}
