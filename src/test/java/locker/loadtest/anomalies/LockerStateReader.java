package locker.loadtest.anomalies;

import locker.contract.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the database and Redis hold for the lockers and users of the anomalies, after the load and before the
 * restore. Read-only. Without a database it reads nothing ({@link #NONE}); without Redis the hold keys are left
 * unread.
 */
public final class LockerStateReader {
    /** The newest assignment rows shown per locker; a soak run leaves many cancelled rows on one locker. */
    static final int ROWS_PER_LOCKER = 50;

    public static final LockerStateReader NONE = new LockerStateReader(null, null);

    private static final String ROWS = "SELECT * FROM (SELECT a.assignment_id, a.locker_id, u.student_id, "
            + "a.user_serial_id, a.state::text, a.created_at::text, a.hold_expires_at::text, a.confirmed_at::text, "
            + "a.released_at::text FROM locker_assignments a LEFT JOIN users u ON u.serial_id = a.user_serial_id "
            + "WHERE a.locker_id = ? ORDER BY a.assignment_id DESC LIMIT " + ROWS_PER_LOCKER + ") newest "
            + "ORDER BY assignment_id";
    private static final String OWNER = "SELECT owner_student_id, owner_serial_id FROM locker_info WHERE locker_id = ?";
    private static final String STUDENTS = "SELECT serial_id, student_id FROM users WHERE serial_id = ANY(?)";
    private static final String LOCKERS_OF_USERS = "SELECT locker_id FROM locker_info WHERE owner_serial_id = ANY(?) "
            + "UNION SELECT locker_id FROM locker_assignments WHERE user_serial_id = ANY(?) "
            + "AND state IN ('hold', 'confirmed') ORDER BY 1";

    private final Connection database;
    private final Jedis redis;

    /** {@code redis} may be null: the hold keys are then not read. */
    public LockerStateReader(Connection database, Jedis redis) {
        this.database = database;
        this.redis = database == null ? null : redis;
    }

    public boolean readsTheDatabase() {
        return database != null;
    }

    /** The state of each locker, in the order given; none without a database. */
    Map<Integer, LockerState> lockers(Collection<Integer> lockers) throws SQLException {
        Map<Integer, LockerState> states = new LinkedHashMap<>();
        if (database == null) {
            return states;
        }
        for (int locker : new LinkedHashSet<>(lockers)) {
            states.put(locker, locker(locker));
        }
        return states;
    }

    /** The student ids of the users with these serial ids. */
    Map<Long, String> studentIds(Collection<Long> serials) throws SQLException {
        Map<Long, String> students = new LinkedHashMap<>();
        if (database == null || serials.isEmpty()) {
            return students;
        }
        try (PreparedStatement statement = database.prepareStatement(STUDENTS)) {
            statement.setArray(1, bigints(serials));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    students.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return students;
    }

    /** The lockers these users own or hold. */
    Set<Integer> lockersOf(Collection<Long> serials) throws SQLException {
        Set<Integer> lockers = new LinkedHashSet<>();
        if (database == null || serials.isEmpty()) {
            return lockers;
        }
        try (PreparedStatement statement = database.prepareStatement(LOCKERS_OF_USERS)) {
            statement.setArray(1, bigints(serials));
            statement.setArray(2, bigints(serials));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lockers.add(rows.getInt(1));
                }
            }
        }
        return lockers;
    }

    private LockerState locker(int locker) throws SQLException {
        List<LockerState.AssignmentRow> rows = new ArrayList<>();
        try (PreparedStatement statement = database.prepareStatement(ROWS)) {
            statement.setInt(1, locker);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new LockerState.AssignmentRow(result.getLong(1), result.getInt(2), result.getString(3),
                            result.getLong(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8), result.getString(9)));
                }
            }
        }
        String ownerStudent = null;
        Long ownerSerial = null;
        try (PreparedStatement statement = database.prepareStatement(OWNER)) {
            statement.setInt(1, locker);
            try (ResultSet result = statement.executeQuery()) {
                if (result.next()) {
                    ownerStudent = result.getString(1);
                    ownerSerial = (Long) result.getObject(2);
                }
            }
        }
        return new LockerState(locker, ownerStudent, ownerSerial, rows, holdKey(locker));
    }

    private LockerState.HoldKey holdKey(int locker) {
        String key = RedisKeys.hold(locker);
        if (redis == null) {
            return new LockerState.HoldKey(key, false, null, null);
        }
        try {
            String value = redis.get(key);
            long ttl = redis.pttl(key);
            return new LockerState.HoldKey(key, true, value, value == null ? null : ttl);
        } catch (JedisException unreachable) {
            return new LockerState.HoldKey(key, false, null, null);
        }
    }

    private Array bigints(Collection<Long> serials) throws SQLException {
        return database.createArrayOf("bigint", serials.toArray());
    }
}
