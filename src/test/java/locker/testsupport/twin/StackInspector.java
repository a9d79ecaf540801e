package locker.testsupport.twin;

import locker.twin.stack.EmbeddedStack;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks at the stack's database and Redis directly, behind the server's back. */
public final class StackInspector {
    private final EmbeddedStack stack;

    public StackInspector(EmbeddedStack stack) {
        this.stack = stack;
    }

    /** Every row of the query, each as column name → value, in the query's column order. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = stack.openConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The single row of the query; fails the test when there is not exactly one. */
    public Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row of " + sql + ", got " + rows);
        }
        return rows.get(0);
    }

    /** The value of a single-row, single-column query. */
    public Object value(String sql, Object... params) {
        return row(sql, params).values().iterator().next();
    }

    public void update(String sql, Object... params) {
        try (Connection c = stack.openConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed: " + sql, e);
        }
    }

    /** States of the student's {@code locker_assignments} rows on the locker, oldest first. */
    public List<String> assignmentStates(long serialId, int lockerId) {
        return rows("SELECT state::text AS state FROM locker_assignments WHERE user_serial_id = ? AND locker_id = ?"
                        + " ORDER BY assignment_id", serialId, lockerId).stream()
                .map(row -> (String) row.get("state"))
                .toList();
    }

    /** The locker's {@code locker_info} row: owner_student_id and owner_serial_id. */
    public Map<String, Object> lockerOwner(int lockerId) {
        return row("SELECT owner_student_id, owner_serial_id FROM locker_info WHERE locker_id = ?", lockerId);
    }

    public Optional<String> redisValue(String key) {
        try (Jedis jedis = redis()) {
            return Optional.ofNullable(jedis.get(key));
        }
    }

    public void redisSet(String key, String value) {
        try (Jedis jedis = redis()) {
            jedis.set(key, value);
        }
    }

    /** Remaining lifetime of a Redis key in seconds: -1 without expiry, -2 when the key is absent. */
    public long redisTtl(String key) {
        try (Jedis jedis = redis()) {
            return jedis.ttl(key);
        }
    }

    private Jedis redis() {
        return new Jedis(EmbeddedStack.HOST, stack.redisPort(), 2_000);
    }
}
