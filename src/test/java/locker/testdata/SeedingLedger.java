package locker.testdata;

import locker.config.SeedPlan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code loadtest.runs} and the per-run tables hanging off it. */
final class SeedingLedger {
    private static final List<String> PER_RUN_TABLES = List.of("loadtest.run_users", "loadtest.run_tokens",
            "loadtest.snapshot_users", "loadtest.snapshot_locker_locations", "loadtest.snapshot_locker_info",
            "loadtest.snapshot_locker_assignments", "loadtest.snapshot_auth_refresh_tokens");

    private SeedingLedger() {}

    static Optional<Seeding> unrestored(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT run_id, total_users, student_id_start, test_lockers, locker_id_first, seeded_by, seeded_at
                FROM loadtest.runs WHERE restored_at IS NULL""");
             ResultSet row = s.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Seeding(row.getLong("run_id"),
                    new SeedPlan(row.getInt("total_users"), row.getLong("student_id_start"), row.getInt("test_lockers")),
                    (Integer) row.getObject("locker_id_first"), row.getString("seeded_by"), row.getTimestamp("seeded_at")));
        }
    }

    static long open(Connection c, SeedPlan plan, String seededBy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO loadtest.runs (total_users, student_id_start, test_lockers, seeded_by)
                VALUES (?, ?, ?, ?) RETURNING run_id""")) {
            s.setInt(1, plan.totalUsers());
            s.setLong(2, plan.studentIdStart());
            s.setInt(3, plan.testLockersCount());
            s.setString(4, seededBy);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Marks the run restored and drops its users, tokens and snapshot; the run's row keeps the summary. */
    static void close(Connection c, long runId, boolean exactly, String summary) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE loadtest.runs SET restored_at = now(), restored_exactly = ?, restore_summary = ?
                WHERE run_id = ?""")) {
            s.setBoolean(1, exactly);
            s.setString(2, summary);
            s.setLong(3, runId);
            s.executeUpdate();
        }
        for (String table : PER_RUN_TABLES) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                s.setLong(1, runId);
                s.executeUpdate();
            }
        }
    }

    static Set<Long> testSerialIds(Connection c, long runId) throws SQLException {
        return new HashSet<>(ofRun(c, "SELECT serial_id FROM loadtest.run_users WHERE run_id = ?", runId,
                row -> row.getLong(1)));
    }

    static List<String> tokenIds(Connection c, long runId) throws SQLException {
        return ofRun(c, "SELECT jti FROM loadtest.run_tokens WHERE run_id = ? ORDER BY jti", runId,
                row -> row.getString(1));
    }

    /** What {@code column} reads of each row that {@code sql} selects for the run, its one parameter. */
    static <T> List<T> ofRun(Connection c, String sql, long runId, Column<T> column) throws SQLException {
        List<T> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    values.add(column.of(rows));
                }
            }
        }
        return values;
    }

    interface Column<T> {
        T of(ResultSet row) throws SQLException;
    }

    static void recordTokenIds(Connection c, long runId, List<String> jtis) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO loadtest.run_tokens (run_id, jti) SELECT ?, unnest(?::text[]) ON CONFLICT DO NOTHING")) {
            s.setLong(1, runId);
            s.setArray(2, c.createArrayOf("text", jtis.toArray()));
            s.executeUpdate();
        }
    }
}
