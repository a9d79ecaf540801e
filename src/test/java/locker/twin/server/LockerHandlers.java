package locker.twin.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.javalin.http.Context;
import locker.contract.LockerAnswer;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /lockers/*} as the deployed server answers them (deployed-service.md §5.7-5.12; the R… and B… named below
 * are its races, §8, and faults, §11): its statements, in its order of Redis and database steps, with its bodies.
 * Locker ids are bound as {@link Database.Int4}, so an id beyond int4 fails the statement as it fails in the
 * deployed server's driver.
 */
final class LockerHandlers {
    static final String NO_CONFIRMED_LOCKER = "No confirmed locker found to release";
    static final String NO_OWNERSHIP = "No locker ownership found to release";

    private static final String LIST_LOCKERS = """
            SELECT l.locker_id, l.owner_student_id, l.owner_serial_id, ll.name
            FROM locker_info l JOIN locker_locations ll ON ll.location_id = l.location_id
            ORDER BY l.locker_id""";
    private static final String COUNT_AVAILABLE = "SELECT COUNT(*) FROM locker_info WHERE owner_serial_id IS NULL";
    private static final String INSERT_HOLD = """
            INSERT INTO locker_assignments (locker_id, user_serial_id, state, hold_expires_at)
            VALUES (?, ?, 'hold', now() + make_interval(secs => ?))""";
    private static final String HELD_LOCKER = """
            SELECT l.locker_id, l.owner_student_id, ll.name
            FROM locker_info l JOIN locker_locations ll ON ll.location_id = l.location_id
            WHERE l.locker_id = ?""";
    private static final String MY_LOCKER = """
            SELECT l.locker_id, l.owner_student_id, ll.name
            FROM locker_info l JOIN locker_locations ll ON ll.location_id = l.location_id
            WHERE l.owner_serial_id = ?""";
    private static final String CONFIRM_HOLD = """
            UPDATE locker_assignments SET state = 'confirmed', confirmed_at = now()
            WHERE locker_id = ? AND user_serial_id = ? AND state = 'hold'
              AND (hold_expires_at IS NULL OR hold_expires_at > now())""";
    private static final String TAKE_OWNERSHIP = """
            UPDATE locker_info SET owner_serial_id = ?, owner_student_id = ?
            WHERE locker_id = ? AND owner_serial_id IS NULL""";
    private static final String CANCEL_CONFIRMED = """
            UPDATE locker_assignments SET state = 'cancelled', released_at = now()
            WHERE locker_id = ? AND user_serial_id = ? AND state = 'confirmed'""";
    private static final String GIVE_UP_OWNERSHIP = """
            UPDATE locker_info SET owner_serial_id = NULL, owner_student_id = NULL
            WHERE locker_id = ? AND owner_serial_id = ?""";
    private static final String DELETE_HOLD =
            "DELETE FROM locker_assignments WHERE locker_id = ? AND user_serial_id = ? AND state = 'hold'";

    private final Database db;
    private final Redis redis;
    private final Authenticator authenticator;
    private final ReferenceServerSettings settings;
    private final ApplicationWindow window;
    private final StepGates gates;

    LockerHandlers(Database db, Redis redis, Authenticator authenticator, ReferenceServerSettings settings,
                   StepGates gates) {
        this.db = db;
        this.redis = redis;
        this.authenticator = authenticator;
        this.settings = settings;
        this.window = settings.applicationWindow();
        this.gates = gates;
    }

    /**
     * Two statements, each on a connection of its own as deployed: the count is not taken in the list's snapshot (R11),
     * and no connection is taken while the answer is written.
     */
    void list(Context ctx) {
        authenticator.require(ctx);
        List<Locker> lockers;
        long available;
        try {
            lockers = db.queryAll(LIST_LOCKERS, Locker::listed);
            gates.current().reached(StepGate.Step.LIST_BEFORE_COUNT, 0);
            available = db.queryOne(COUNT_AVAILABLE, row -> row.getLong(1)).orElse(0L);
        } catch (Database.DatabaseException e) {
            throw internalError();
        }
        // written field by field: the most frequent answer of a rush, and a map per locker cost Jackson a serialiser
        // lookup per value
        Json.send(ctx, json -> {
            json.writeStartObject();
            json.writeFieldName("lockers");
            if (lockers.isEmpty()) {
                json.writeNull();
            } else {
                json.writeStartArray();
                for (Locker locker : lockers) {
                    locker.write(json);
                }
                json.writeEndArray();
            }
            json.writeNumberField("available_count", available);
            json.writeEndObject();
        });
    }

    /**
     * A locker as the answers show it, {@code {"locker_id":..,"location_id":"<name>","owner":"..",
     * "owner_serial_id":..}}: the owner and the owner's serial are left out when NULL, and only the list reads the
     * serial. Written field by field, also where it stands in an answer's map.
     */
    private record Locker(int id, String location, String owner, Long ownerSerial) implements JsonSerializable {
        /** A row of the list: the id, the owner, the owner's serial and the location's name. */
        static Locker listed(ResultSet row) throws SQLException {
            long ownerSerial = row.getLong(3);
            boolean noOwnerSerial = row.wasNull();
            return new Locker(row.getInt(1), row.getString(4), row.getString(2), noOwnerSerial ? null : ownerSerial);
        }

        /** A row of the hold's read-back or of "my locker": the id, the owner and the location's name. */
        static Locker withoutSerial(ResultSet row) throws SQLException {
            return new Locker(row.getInt(1), row.getString(3), row.getString(2), null);
        }

        @Override
        public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
            write(json);
        }

        @Override
        public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            write(json);
        }

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeNumberField("locker_id", id);
            json.writeStringField("location_id", location);
            if (owner != null) {
                json.writeStringField("owner", owner);
            }
            if (ownerSerial != null) {
                json.writeNumberField("owner_serial_id", ownerSerial);
            }
            json.writeEndObject();
        }
    }

    void hold(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        Optional<String> refusal = window.refusal(Instant.now());
        if (refusal.isPresent()) {
            throw new ApiError(403, refusal.get());
        }
        long lockerId = lockerId(ctx);
        expireHoldWithoutKey(lockerId);
        long serialId = requireSerial(principal);
        gates.current().reached(StepGate.Step.HOLD_BEFORE_SETNX, lockerId);
        boolean held;
        try {
            held = redis.tryHold(lockerId, serialId, settings.holdTtlSeconds());
        } catch (JedisException e) {
            throw new ApiError(503, "Service Unavailable");
        }
        if (!held) {
            throw new ApiError(409, LockerAnswer.ALREADY_HELD_TEXT);
        }
        gates.current().reached(StepGate.Step.HOLD_BEFORE_INSERT, lockerId);
        try {
            db.update(INSERT_HOLD, new Database.Int4(lockerId), serialId, (double) settings.holdTtlSeconds());
        } catch (Database.DatabaseException e) {
            redis.releaseHoldQuietly(lockerId);
            throw new ApiError(409, LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        }
        gates.current().reached(StepGate.Step.HOLD_BEFORE_SELECT, lockerId);
        Optional<Locker> locker;
        try {
            locker = db.queryOne(HELD_LOCKER, Locker::withoutSerial, new Database.Int4(lockerId));
        } catch (Database.DatabaseException e) {
            locker = Optional.empty();
        }
        String expiresIn = (settings.holdTtlSeconds() / 60) + " minutes";
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "locker held successfully");
        if (locker.isPresent()) {
            answer.put("locker", locker.get());
        } else {
            // the deployed fallback body when the locker cannot be read back
            answer.put("locker_id", lockerId);
        }
        answer.put("expires_in", expiresIn);
        Json.send(ctx.status(201), answer);
    }

    /** The deployed clean-up before a hold: a 'hold' row whose key is gone is expired; every error is ignored. */
    private void expireHoldWithoutKey(long lockerId) {
        try {
            if (redis.holdExists(lockerId)) {
                return;
            }
        } catch (JedisException e) {
            return;
        }
        gates.current().reached(StepGate.Step.HOLD_CLEANUP_FOUND_NO_KEY, lockerId);
        try {
            db.update(HoldExpiry.EXPIRE_HOLD, new Database.Int4(lockerId));
        } catch (Database.DatabaseException e) {
            // ignored, as deployed
        }
    }

    /**
     * One READ COMMITTED transaction of two updates; Redis is not touched, the hold key lives on (R4). A refusal rolls
     * the transaction back before it is answered, as the deployed deferred rollback does.
     */
    void confirm(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        long lockerId = lockerId(ctx);
        long serialId = requireSerial(principal);
        String studentId = Objects.requireNonNullElse(principal.studentId(), "");
        try (Database.Transaction tx = begin()) {
            gates.current().reached(StepGate.Step.CONFIRM_BEFORE_UPDATES, lockerId);
            if (updateOrZero(tx, CONFIRM_HOLD, new Database.Int4(lockerId), serialId) == 0) {
                throw new ApiError(409, LockerAnswer.HOLD_EXPIRED_TEXT);
            }
            gates.current().reached(StepGate.Step.CONFIRM_BETWEEN_UPDATES, lockerId);
            if (updateOrZero(tx, TAKE_OWNERSHIP, serialId, studentId, new Database.Int4(lockerId)) == 0) {
                throw new ApiError(409, LockerAnswer.CONFLICT_TEXT);
            }
            commit(tx);
        }
        Json.send(ctx, Map.of("message", "locker confirmed successfully"));
    }

    /** One transaction of three statements, then the hold key is deleted whoever's it is (R5). */
    void release(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        long lockerId = lockerId(ctx);
        long serialId = requireSerial(principal);
        try (Database.Transaction tx = begin()) {
            if (updateOrFail(tx, CANCEL_CONFIRMED, new Database.Int4(lockerId), serialId) == 0) {
                throw new ApiError(404, NO_CONFIRMED_LOCKER);
            }
            if (updateOrFail(tx, GIVE_UP_OWNERSHIP, new Database.Int4(lockerId), serialId) == 0) {
                throw new ApiError(404, NO_OWNERSHIP);
            }
            updateOrFail(tx, DELETE_HOLD, new Database.Int4(lockerId), serialId);
            commit(tx);
        }
        gates.current().reached(StepGate.Step.RELEASE_BEFORE_DEL, lockerId);
        redis.releaseHoldQuietly(lockerId);
        Json.send(ctx, Map.of("message", "locker released successfully"));
    }

    /** The row is deleted, not marked (B7), in a transaction of its own; then the hold key is deleted whoever's it is (R5). */
    void releaseHold(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        long lockerId = lockerId(ctx);
        long serialId = requireSerial(principal);
        try (Database.Transaction tx = begin()) {
            if (updateOrFail(tx, DELETE_HOLD, new Database.Int4(lockerId), serialId) == 0) {
                throw new ApiError(404, LockerAnswer.NO_HOLD_TEXT);
            }
            commit(tx);
        }
        gates.current().reached(StepGate.Step.RELEASE_HOLD_BEFORE_DEL, lockerId);
        redis.releaseHoldQuietly(lockerId);
        Json.send(ctx, Map.of("message", "hold released successfully"));
    }

    void mine(Context ctx) {
        long serialId = requireSerial(authenticator.require(ctx));
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            answer.put("locker", db.queryOne(MY_LOCKER, Locker::withoutSerial, serialId).orElse(null));
        } catch (Database.DatabaseException e) {
            throw internalError();
        }
        Json.send(ctx, answer);
    }

    /** The id as Go's {@code strconv.Atoi} reads it ({@link GoInt64}, leading zeros allowed); anything else is 400. */
    static long lockerId(Context ctx) {
        return parseLockerId(HttpPipeline.pathParameter(ctx));
    }

    static long parseLockerId(String id) {
        Long parsed = GoInt64.parse(id);
        if (parsed == null) {
            throw new ApiError(400, "Bad Request");
        }
        return parsed;
    }

    /** The deployed handlers answer 401 to a token whose subject is 0. */
    private static long requireSerial(Tokens.Principal principal) {
        if (principal.serialId() == 0) {
            throw ApiError.unauthorized();
        }
        return principal.serialId();
    }

    /** A transaction; a database that cannot begin one is the deployed "BEGIN failed", 500. */
    private Database.Transaction begin() {
        try {
            return db.begin();
        } catch (SQLException | Database.DatabaseException e) {
            throw internalError();
        }
    }

    /** Confirm's reading of a statement: a failure counts as nothing updated. */
    private static int updateOrZero(Database.Transaction tx, String sql, Object... params) {
        try {
            return Database.update(tx.connection, sql, params);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static int updateOrFail(Database.Transaction tx, String sql, Object... params) {
        try {
            return Database.update(tx.connection, sql, params);
        } catch (SQLException e) {
            throw internalError();
        }
    }

    private static void commit(Database.Transaction tx) {
        try {
            tx.commit();
        } catch (SQLException e) {
            throw internalError();
        }
    }

    private static ApiError internalError() {
        return new ApiError(500, "Internal Server Error");
    }
}
