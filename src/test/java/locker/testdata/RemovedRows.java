package locker.testdata;

/** What a restore deleted or cleared: only test data. */
public record RemovedRows(long ownersCleared, long assignments, long refreshTokens, long users, long lockers) {
    String summary() {
        return "removed: " + users + " test users, " + lockers + " test lockers, " + assignments + " assignments, "
                + refreshTokens + " refresh tokens, " + ownersCleared + " owners set by test users";
    }
}
