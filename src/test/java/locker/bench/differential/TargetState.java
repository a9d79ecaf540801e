package locker.bench.differential;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A target's database and Redis, reached directly: the refusal of a database holding real users, the reset before
 * every case (one transaction, then {@code FLUSHDB}) and the normalised rows and keys compared after it.
 */
final class TargetState implements AutoCloseable {
    /** Why a target cannot be compared; nothing was changed on it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The database or Redis failed in the middle of the comparison. */
    static final class Lost extends RuntimeException {
        Lost(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final String TEST_STUDENT_IDS = "99";
    private static final int REDIS_TIMEOUT_MILLIS = 5_000;

    private final ServerTarget target;
    private final Connection db;
    private final Jedis redis;

    private TargetState(ServerTarget target, Connection db, Jedis redis) {
        this.target = target;
        this.db = db;
        this.redis = redis;
    }

    /** Connects to the target's database and Redis; refused when either cannot be reached. */
    static TargetState connect(ServerTarget target) throws Refused {
        Connection db;
        try {
            db = target.database().connect("locker-differential");
        } catch (SQLException e) {
            throw new Refused(target.name() + ": the database " + target.database() + " cannot be reached: " + e.getMessage());
        }
        Jedis redis = target.redis().connectIfAnswering(REDIS_TIMEOUT_MILLIS).orElse(null);
        if (redis == null) {
            closeQuietly(db);
            throw new Refused(target.name() + ": Redis " + target.redis() + " does not answer");
        }
        try (Statement s = db.createStatement()) {
            s.execute("SET lock_timeout = '10s'");
        } catch (SQLException e) {
            closeQuietly(db);
            redis.close();
            throw new Refused(target.name() + ": the database refused a session setting: " + e.getMessage());
        }
        return new TargetState(target, db, redis);
    }

    /**
     * Refuses a database that is not a locker server's or that holds a user whose student id does not start with
     * {@value #TEST_STUDENT_IDS}: the reset deletes every user, and only test students may be deleted.
     */
    void refuseUnlessOnlyTestStudents() throws Refused {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FILTER (WHERE student_id NOT LIKE '" + TEST_STUDENT_IDS
                     + "%'), count(*) FROM users")) {
            r.next();
            long foreign = r.getLong(1);
            if (foreign > 0) {
                throw new Refused(target.name() + ": the users table holds " + foreign + " of " + r.getLong(2)
                        + " users whose student id does not start with " + TEST_STUDENT_IDS + " (test students' ids are 10"
                        + " digits starting with " + TEST_STUDENT_IDS + "); the comparison deletes every user, so it does"
                        + " not run here");
            }
        } catch (SQLException e) {
            throw new Refused(target.name() + ": " + target.database() + " is not a locker server's database (users: "
                    + e.getMessage() + ")");
        }
    }

    /**
     * How the target's PostgreSQL commits ({@code fsync} and {@code synchronous_commit}, e.g. "fsync on,
     * synchronous_commit on"): a commit that waits for the disk narrows the windows the races fall into.
     */
    String commits() {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            r.next();
            return "fsync " + r.getString(1) + ", synchronous_commit " + r.getString(2);
        } catch (SQLException e) {
            throw new Lost(target.name() + ": reading the database's commit settings failed: " + e.getMessage(), e);
        }
    }

    /** Every assignment, refresh token, owner and user gone, Redis emptied: the deployed data set as shipped. */
    void reset() {
        try {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("TRUNCATE locker_assignments, auth_refresh_tokens RESTART IDENTITY");
                s.execute("UPDATE locker_info SET owner_serial_id = NULL, owner_student_id = NULL"
                        + " WHERE owner_serial_id IS NOT NULL OR owner_student_id IS NOT NULL");
                s.execute("DELETE FROM users");
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            redis.flushDB();
        } catch (SQLException | JedisException e) {
            throw new Lost(target.name() + ": the reset failed: " + e.getMessage(), e);
        }
    }

    /** The rows and keys the comparison looks at, normalised and sorted, by section. */
    Map<String, List<String>> snapshot(Normaliser n) {
        Map<String, List<String>> state = new LinkedHashMap<>();
        try (Statement s = db.createStatement()) {
            state.put("users", lines(s, "SELECT student_id, name, phone_number, serial_id FROM users",
                    r -> quoted(r.getString(1)) + " | name " + quoted(r.getString(2)) + " | phone " + quoted(r.getString(3))
                            + " | serial " + n.text(r.getString(4))));
            state.put("auth_refresh_tokens", lines(s, "SELECT token_hash, user_serial_id, user_agent, ip,"
                            + " revoked_at IS NOT NULL, round(extract(epoch FROM expires_at - issued_at) / 3600)"
                            + " FROM auth_refresh_tokens",
                    r -> n.storedRefreshToken(r.getString(1)) + " | user " + n.text(r.getString(2))
                            + " | user_agent " + quoted(r.getString(3)) + " | ip " + r.getString(4)
                            + " | revoked " + (r.getBoolean(5) ? "yes" : "no") + " | lifetime " + r.getLong(6) + " h"));
            state.put("locker owners", lines(s, "SELECT locker_id, owner_student_id, owner_serial_id FROM locker_info"
                            + " WHERE owner_serial_id IS NOT NULL OR owner_student_id IS NOT NULL",
                    r -> "locker " + r.getInt(1) + " | owner_student_id " + quoted(r.getString(2))
                            + " | owner_serial_id " + n.text(r.getString(3))));
            state.put("locker_assignments", lines(s, "SELECT locker_id, user_serial_id, state,"
                            + " round(extract(epoch FROM hold_expires_at - created_at)), confirmed_at IS NOT NULL,"
                            + " released_at IS NOT NULL FROM locker_assignments",
                    r -> "locker " + r.getInt(1) + " | user " + n.text(r.getString(2)) + " | " + r.getString(3)
                            + " | hold " + (r.getString(4) == null ? "none" : r.getString(4) + " s")
                            + " | confirmed_at " + (r.getBoolean(5) ? "set" : "null")
                            + " | released_at " + (r.getBoolean(6) ? "set" : "null")));
        } catch (SQLException e) {
            throw new Lost(target.name() + ": reading the rows failed: " + e.getMessage(), e);
        }
        try {
            List<String> keys = new ArrayList<>();
            // sorted by raw name, so that unknown jtis are numbered the same way on both targets
            for (String key : new TreeSet<>(redis.keys("*"))) {
                String type = redis.type(key);
                String value = type.equals("string") ? " = " + n.text(Texts.oneLine(String.valueOf(redis.get(key)))) : " (" + type + ")";
                long ttl = redis.pttl(key);
                keys.add(n.redisKey(key) + value + (ttl > 0 ? " | ttl > 0" : ttl == -1 ? " | no ttl" : " | gone"));
            }
            keys.sort(null);
            state.put("redis", keys);
        } catch (JedisException e) {
            throw new Lost(target.name() + ": reading Redis failed: " + e.getMessage(), e);
        }
        return state;
    }

    private interface Row {
        String line(ResultSet r) throws SQLException;
    }

    private static List<String> lines(Statement s, String query, Row row) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                lines.add(row.line(r));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + Texts.oneLine(text) + "\"";
    }

    @Override
    public void close() {
        redis.close();
        closeQuietly(db);
    }

    private static void closeQuietly(Connection db) {
        try {
            db.close();
        } catch (SQLException e) {
            // closing a connection that is going away
        }
    }
}
