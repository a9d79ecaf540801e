package locker.testdata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Compares every contract table, row by row on all columns, with the run's snapshot of it. */
final class SnapshotComparison {
    private SnapshotComparison() {}

    static List<TableCheck> compare(Connection c, long runId) throws SQLException {
        List<TableCheck> checks = new ArrayList<>();
        for (ContractTable table : ContractTable.ALL) {
            checks.add(compare(c, runId, table));
        }
        return checks;
    }

    private static TableCheck compare(Connection c, long runId, ContractTable table) throws SQLException {
        String key = table.key();
        String sql = """
                SELECT (SELECT count(*) FROM public.%1$s) AS current_rows,
                       (SELECT count(*) FROM %2$s WHERE run_id = ?) AS snapshot_rows,
                       array_agg(c.%3$s::text ORDER BY c.%3$s) FILTER (WHERE s.%3$s IS NULL) AS added,
                       array_agg(s.%3$s::text ORDER BY s.%3$s) FILTER (WHERE c.%3$s IS NULL) AS removed,
                       array_agg(c.%3$s::text ORDER BY c.%3$s)
                           FILTER (WHERE c.%3$s IS NOT NULL AND s.%3$s IS NOT NULL) AS changed
                FROM (SELECT %4$s FROM public.%1$s t) c
                FULL JOIN (SELECT %4$s FROM %2$s t WHERE t.run_id = ?) s ON s.%3$s = c.%3$s
                WHERE c.%3$s IS NULL OR s.%3$s IS NULL OR c IS DISTINCT FROM s"""
                .formatted(table.name(), table.snapshotTable(), key, table.comparableColumns("t"));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            s.setLong(2, runId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return new TableCheck(table.name(), key, row.getLong("current_rows"), row.getLong("snapshot_rows"),
                        keys(row.getArray("added")), keys(row.getArray("removed")), keys(row.getArray("changed")));
            }
        }
    }

    private static List<String> keys(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
