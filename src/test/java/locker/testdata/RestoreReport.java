package locker.testdata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a restore. {@link #summary()} is the line {@code restored: users 3 = 3, locker_info 22 = 22, …}:
 * each contract table's rows now against its snapshot from before the run.
 */
public record RestoreReport(Status status, long runId, RemovedRows removed, List<TableCheck> tables,
                            String redisSummary, List<String> redisKeysLeft) {
    public enum Status {
        /** No database: nothing could be restored; test users the run registered may remain. */
        NO_DATABASE,
        /** No unrestored run in the ledger. */
        NOTHING_TO_RESTORE,
        /** Test data removed and every table equals its snapshot. */
        RESTORED,
        /** Test data removed, but rows that are not test data changed during the run (listed, left as they are). */
        RESTORED_WITH_DIFFERENCES
    }

    static RestoreReport noDatabase() {
        return new RestoreReport(Status.NO_DATABASE, 0, null, List.of(), null, List.of());
    }

    static RestoreReport nothingToRestore() {
        return new RestoreReport(Status.NOTHING_TO_RESTORE, 0, null, List.of(), null, List.of());
    }

    static RestoreReport restored(long runId, RemovedRows removed, List<TableCheck> tables, String redisSummary,
                                  List<String> redisKeysLeft) {
        Status status = tables.stream().allMatch(TableCheck::exact) ? Status.RESTORED : Status.RESTORED_WITH_DIFFERENCES;
        return new RestoreReport(status, runId, removed, List.copyOf(tables), redisSummary, List.copyOf(redisKeysLeft));
    }

    /** True when the database holds exactly what it held before the run (or there was nothing to restore). */
    public boolean exact() {
        return status == Status.RESTORED || status == Status.NOTHING_TO_RESTORE;
    }

    public String summary() {
        return switch (status) {
            case NO_DATABASE -> "not restored: no database connection (db_connected: false); "
                    + "test users the run registered may remain on the server";
            case NOTHING_TO_RESTORE -> "nothing to restore: the ledger has no unrestored load-test run";
            case RESTORED, RESTORED_WITH_DIFFERENCES -> (status == Status.RESTORED ? "restored" : "NOT EXACT")
                    + " (run #" + runId + "): "
                    + tables.stream().map(TableCheck::summary).collect(Collectors.joining(", "));
        };
    }

    /** The summary, what was removed, Redis, and each differing table's keys. */
    public String describe() {
        StringBuilder text = new StringBuilder(summary());
        if (removed != null) {
            text.append('\n').append(removed.summary());
        }
        if (redisSummary != null) {
            text.append('\n').append(redisSummary);
        }
        for (TableCheck table : tables) {
            if (!table.exact()) {
                text.append("\n  ").append(table.differences());
            }
        }
        if (status == Status.RESTORED_WITH_DIFFERENCES) {
            text.append("\nThese rows are not test data and were changed by someone else during the run;"
                    + " they were left as they are.");
        }
        return text.toString();
    }
}
