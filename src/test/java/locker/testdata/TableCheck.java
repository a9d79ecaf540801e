package locker.testdata;

import java.util.List;

/**
 * One contract table after a restore, against its snapshot: row counts and the keys of rows added,
 * removed or changed since (all empty when the table is exactly as before the run).
 */
public record TableCheck(String table, String key, long currentRows, long snapshotRows,
                         List<String> added, List<String> removed, List<String> changed) {
    private static final int SHOWN_KEYS = 10;

    public boolean exact() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** {@code users 3 = 3}, or {@code users 4 ≠ 3} when it differs. */
    public String summary() {
        return table + " " + currentRows + (exact() ? " = " : " ≠ ") + snapshotRows;
    }

    /** What differs, by key: {@code users: added serial_id 123; changed serial_id 456}. */
    public String differences() {
        StringBuilder text = new StringBuilder(table).append(':');
        appendKeys(text, "added", added);
        appendKeys(text, "removed", removed);
        appendKeys(text, "changed", changed);
        return text.toString();
    }

    private void appendKeys(StringBuilder text, String what, List<String> keys) {
        if (!keys.isEmpty()) {
            text.append(' ').append(keys.size()).append(' ').append(what).append(" (").append(key).append(' ')
                    .append(String.join(", ", keys.subList(0, Math.min(SHOWN_KEYS, keys.size()))))
                    .append(keys.size() > SHOWN_KEYS ? ", …" : "").append(')');
        }
    }
}
