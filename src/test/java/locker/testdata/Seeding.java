package locker.testdata;

import locker.config.SeedPlan;

import java.sql.Timestamp;

/**
 * One seeding recorded in the ledger (a row of {@code loadtest.runs}, one per load test run): its plan, its test
 * lockers' first id (null without any) and who seeded it when.
 */
record Seeding(long id, SeedPlan plan, Integer lockerIdFirst, String seededBy, Timestamp seededAt) {
    /** The ids given to its test lockers, as {@code first–last}, or "none". */
    String lockerIds() {
        return lockerIdFirst == null ? "none" : lockerIdFirst + "–" + (lockerIdFirst + plan.testLockersCount() - 1);
    }

    boolean isTestLocker(long lockerId) {
        return lockerIdFirst != null && lockerId >= lockerIdFirst && lockerId < (long) lockerIdFirst + plan.testLockersCount();
    }

    String describe() {
        return "run #" + id + " (seeded " + seededAt + " by " + seededBy + ": " + plan.totalUsers() + " users from "
                + plan.studentIdStart() + ", test lockers " + lockerIds() + ")";
    }
}
