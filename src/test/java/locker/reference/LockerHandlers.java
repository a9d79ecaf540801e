package locker.reference;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /lockers/*}: list, hold, confirm, release-hold, release and "my locker". */
final class LockerHandlers {
    /** The columns of {@link #LOCKER_COLUMNS}, read by position (a lookup by name costs more than the read). */
    private static final int LOCKER_ID = 1;
    private static final int LOCATION_NAME = 2;
    private static final int OWNER_STUDENT_ID = 3;
    private static final int OWNER_SERIAL_ID = 4;
    private static final String LOCKER_COLUMNS = """
            SELECT li.locker_id, ll.name AS location_name, li.owner_student_id, li.owner_serial_id
            FROM locker_info li JOIN locker_locations ll ON ll.location_id = li.location_id""";
    private static final String EXPIRE_STALE_HOLDS = """
            UPDATE locker_assignments SET state = 'expired'
            WHERE (locker_id = ? OR user_serial_id = ?) AND state = 'hold' AND hold_expires_at <= now()""";
    private static final String INSERT_HOLD = """
            WITH held AS (
                INSERT INTO locker_assignments (locker_id, user_serial_id, state, hold_expires_at)
                VALUES (?, ?, 'hold', now() + make_interval(secs => ?))
                RETURNING locker_id)
            """ + LOCKER_COLUMNS + " JOIN held ON held.locker_id = li.locker_id";
    private static final String CONFIRM_HOLD = """
            UPDATE locker_assignments SET state = 'confirmed', confirmed_at = now()
            WHERE locker_id = ? AND user_serial_id = ? AND state = 'hold' AND hold_expires_at > now()""";
    private static final String TAKE_OWNERSHIP = """
            UPDATE locker_info SET owner_student_id = ?, owner_serial_id = ?
            WHERE locker_id = ? AND owner_serial_id IS NULL""";
    private static final String DELETE_HOLD =
            "DELETE FROM locker_assignments WHERE locker_id = ? AND user_serial_id = ? AND state = 'hold'";
    private static final String CANCEL_CONFIRMED = """
            UPDATE locker_assignments SET state = 'cancelled', released_at = now()
            WHERE locker_id = ? AND user_serial_id = ? AND state = 'confirmed'""";
    private static final String GIVE_UP_OWNERSHIP = """
            UPDATE locker_info SET owner_student_id = NULL, owner_serial_id = NULL
            WHERE locker_id = ? AND owner_serial_id = ?""";

    private final Database db;
    private final Redis redis;
    private final Authenticator authenticator;
    private final ReferenceServerSettings settings;

    LockerHandlers(Database db, Redis redis, Authenticator authenticator, ReferenceServerSettings settings) {
        this.db = db;
        this.redis = redis;
        this.authenticator = authenticator;
        this.settings = settings;
    }

    /** The hottest answer of the rush, written row by row as it is read: no map per locker. */
    void list(Context ctx) throws SQLException {
        authenticator.require(ctx);
        try (var c = db.connection();
             var statement = c.prepareStatement(LOCKER_COLUMNS + " ORDER BY li.locker_id");
             var rows = statement.executeQuery()) {
            Json.send(ctx, json -> {
                int available = 0;
                json.writeStartObject();
                json.writeArrayFieldStart("lockers");
                while (rows.next()) {
                    Locker locker = Locker.read(rows);
                    json.writeStartObject();
                    locker.writeFields(json);
                    if (locker.ownerSerialId() == null) {
                        available++;
                    } else {
                        json.writeNumberField("owner_serial_id", locker.ownerSerialId());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNumberField("available_count", available);
                json.writeEndObject();
            });
        }
    }

    void hold(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        if (!settings.isWithinApplicationWindow(Instant.now())) {
            throw new ApiError(403, "locker application period is not open");
        }
        long lockerId = lockerId(ctx);
        db.update(EXPIRE_STALE_HOLDS, lockerId, principal.serialId());
        boolean held;
        try {
            held = redis.tryHold(lockerId, principal.serialId(), settings.holdTtlSeconds());
        } catch (JedisException e) {
            throw new ApiError(503, "hold service unavailable");
        }
        if (!held) {
            throw ApiError.conflict("Locker already held by someone");
        }
        Map<String, Object> locker;
        try {
            locker = db.queryOne(INSERT_HOLD, row -> Locker.read(row).asMap(),
                    lockerId, principal.serialId(), (double) settings.holdTtlSeconds()).orElseThrow();
        } catch (Database.DatabaseException e) {
            redis.releaseHoldQuietly(lockerId);
            if (isConstraintViolation(e)) {
                throw ApiError.conflict("locker is not available");
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "locker held successfully");
        answer.put("locker", locker);
        answer.put("expires_in", (settings.holdTtlSeconds() / 60) + " minutes");
        Json.send(ctx.status(201), answer);
    }

    void confirm(Context ctx) {
        long lockerId = lockerId(ctx);
        Tokens.Principal principal = authenticator.require(ctx);
        try {
            db.inTransaction(c -> {
                if (Database.update(c, CONFIRM_HOLD, lockerId, principal.serialId()) == 0) {
                    throw ApiError.conflict("hold expired or not found");
                }
                if (Database.update(c, TAKE_OWNERSHIP, principal.studentId(), principal.serialId(), lockerId) == 0) {
                    throw ApiError.conflict("locker already has an owner");
                }
                return null;
            });
        } catch (Database.DatabaseException e) {
            if (isConstraintViolation(e)) {
                throw ApiError.conflict("locker already has an owner");
            }
            throw e;
        }
        Json.send(ctx, Map.of("message", "locker confirmed successfully"));
    }

    void releaseHold(Context ctx) {
        long lockerId = lockerId(ctx);
        Tokens.Principal principal = authenticator.require(ctx);
        if (db.update(DELETE_HOLD, lockerId, principal.serialId()) == 0) {
            throw ApiError.notFound("No hold found to release");
        }
        redis.releaseHoldQuietly(lockerId);
        Json.send(ctx, Map.of("message", "hold released successfully"));
    }

    void release(Context ctx) {
        long lockerId = lockerId(ctx);
        Tokens.Principal principal = authenticator.require(ctx);
        db.inTransaction(c -> {
            if (Database.update(c, CANCEL_CONFIRMED, lockerId, principal.serialId()) == 0) {
                throw ApiError.notFound("No confirmed locker to release");
            }
            if (Database.update(c, GIVE_UP_OWNERSHIP, lockerId, principal.serialId()) == 0) {
                throw ApiError.notFound("No confirmed locker to release");
            }
            Database.update(c, DELETE_HOLD, lockerId, principal.serialId());
            return null;
        });
        redis.releaseHoldQuietly(lockerId);
        Json.send(ctx, Map.of("message", "locker released successfully"));
    }

    void mine(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("locker", db.queryOne(LOCKER_COLUMNS + " WHERE li.owner_serial_id = ?",
                row -> Locker.read(row).asMap(), principal.serialId()).orElse(null));
        Json.send(ctx, answer);
    }

    /** locker_id is an integer column: a number beyond its range cannot name a locker. */
    private static long lockerId(Context ctx) {
        try {
            return Integer.parseInt(HttpPipeline.pathParameter(ctx));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid locker id");
        }
    }

    /**
     * A row of {@link #LOCKER_COLUMNS}. Every answer shows {@code owner} only when the locker has a confirmed
     * owner; {@code GET /lockers} also shows {@code owner_serial_id}.
     */
    private record Locker(int id, String location, String ownerStudentId, Long ownerSerialId) {
        static Locker read(ResultSet row) throws SQLException {
            int id = row.getInt(LOCKER_ID);
            String location = row.getString(LOCATION_NAME);
            String owner = row.getString(OWNER_STUDENT_ID);
            long serial = row.getLong(OWNER_SERIAL_ID);
            return new Locker(id, location, owner, row.wasNull() ? null : serial);
        }

        private String shownOwner() {
            return ownerSerialId == null ? null : ownerStudentId;
        }

        /** As hold and "my locker" answer it. */
        Map<String, Object> asMap() {
            Map<String, Object> locker = new LinkedHashMap<>();
            locker.put("locker_id", id);
            locker.put("location_id", location);
            if (shownOwner() != null) {
                locker.put("owner", shownOwner());
            }
            return locker;
        }

        /** The same fields, into a JSON object being written. */
        void writeFields(JsonGenerator json) throws IOException {
            json.writeNumberField("locker_id", id);
            json.writeStringField("location_id", location);
            if (shownOwner() != null) {
                json.writeStringField("owner", shownOwner());
            }
        }
    }

    /** Unique (23505), foreign-key (23503) or check (23514) violation: the database refused the row. */
    private static boolean isConstraintViolation(Database.DatabaseException e) {
        return e.sqlState != null && e.sqlState.startsWith("23");
    }
}
