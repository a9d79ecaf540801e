package locker.twin.server;

import io.javalin.http.Context;
import locker.contract.AuthFields;
import locker.contract.RedisKeys;
import locker.contract.SerialId;
import locker.contract.TokenHash;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code /auth/*} and {@code /health}: login-or-register, refresh, logout, "who am I" and the health check. */
final class AuthHandlers {
    private static final List<RequestBody.Field> LOGIN_FIELDS = List.of(
            new RequestBody.Field("student_id", "StudentID"),
            new RequestBody.Field("name", "Name"),
            new RequestBody.Field("phone_number", "Phone"));
    private static final List<RequestBody.Field> TOKEN_FIELDS = List.of(
            new RequestBody.Field(AuthFields.ACCESS_TOKEN, "AccessToken"),
            new RequestBody.Field(AuthFields.REFRESH_TOKEN, "RefreshToken"));
    private static final int ACCESS_TOKEN = 0;
    private static final int REFRESH_TOKEN = 1;
    private static final byte[] LOGGED_OUT = "{\"message\":\"logged out successfully\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * The deployed upsert. Concurrent first logins of one identity usually serialise on {@code ux_users_ident} (one
     * inserts, the others update), but two that pass its check together clash on {@code users_pkey}: the loser's
     * statement fails and, as deployed, is not retried (deployed-service.md §8 R10).
     */
    private static final String UPSERT_USER = """
            INSERT INTO users (student_id, name, phone_number, serial_id, created_at) VALUES (?, ?, ?, ?, now())
            ON CONFLICT (student_id, name, phone_number) DO UPDATE SET
                name = EXCLUDED.name, phone_number = EXCLUDED.phone_number, updated_at = now()
            RETURNING serial_id, (xmax = 0) AS inserted""";
    private static final String FIND_LIVE_REFRESH_TOKEN = """
            SELECT user_serial_id FROM auth_refresh_tokens
            WHERE token_hash = ? AND revoked_at IS NULL AND now() < expires_at""";
    private static final String FIND_STUDENT_ID = "SELECT student_id FROM users WHERE serial_id = ?";
    /** No {@code revoked_at IS NULL} guard, as deployed: two concurrent refreshes of one token both succeed. */
    private static final String REVOKE_FOR_REFRESH = "UPDATE auth_refresh_tokens SET revoked_at = now() WHERE token_hash = ?";
    private static final String INSERT_REFRESH_TOKEN = """
            INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, expires_at, user_agent, ip)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING""";
    private static final String REVOKE_FOR_LOGOUT =
            "UPDATE auth_refresh_tokens SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL";
    private static final String FIND_USER =
            "SELECT student_id, name, phone_number FROM users WHERE serial_id = ? LIMIT 1";

    private static final int HEALTH_DEADLINE_SECONDS = 2;
    private static final Duration HEALTH_DEADLINE = Duration.ofSeconds(HEALTH_DEADLINE_SECONDS);

    /** Runs the health check's pings, so that the answer need not wait for a ping past the deadline. */
    private final ExecutorService healthChecks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Database db;
    private final AuthRedis redis;
    private final Tokens tokens;
    private final Authenticator authenticator;

    AuthHandlers(Database db, AuthRedis redis, Tokens tokens, Authenticator authenticator) {
        this.db = db;
        this.redis = redis;
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    void loginOrRegister(Context ctx) {
        Json.Decoded body = RequestBody.parse(ctx, LOGIN_FIELDS);
        if (body.failed()) {
            throw ApiError.badRequest("Bad Request");
        }
        LoginRequest request = LoginRequest.validate(body.value(0), body.value(1), body.value(2));
        long serialId = SerialId.of(request.studentId(), request.name(), request.phoneNumber());
        record Upserted(long serialId, boolean inserted) {}
        Upserted user = db.queryOne(UPSERT_USER, row -> new Upserted(row.getLong(1), row.getBoolean(2)),
                request.studentId(), request.name(), request.phoneNumber(), serialId).orElseThrow();
        String accessToken = tokens.issueAccessToken(user.serialId(), request.studentId());
        String refreshToken = tokens.newRefreshToken();
        db.update(INSERT_REFRESH_TOKEN, user.serialId(), TokenHash.of(refreshToken), refreshTokenExpiry(), userAgent(ctx),
                ctx.req().getRemoteAddr());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(AuthFields.ACCESS_TOKEN, accessToken);
        answer.put(AuthFields.REFRESH_TOKEN, refreshToken);
        answer.put(AuthFields.SERIAL_ID, user.serialId());
        Json.send(ctx.status(user.inserted() ? 201 : 200), answer);
    }

    void refresh(Context ctx) {
        Json.Decoded body = RequestBody.parse(ctx, TOKEN_FIELDS);
        if (body.failed()) {
            throw ApiError.badRequest("invalid request payload");
        }
        String refreshToken = body.value(REFRESH_TOKEN);
        if (refreshToken.isEmpty()) {
            throw ApiError.badRequest("missing refresh_token");
        }
        String presented = body.value(ACCESS_TOKEN);
        if (presented.isEmpty()) {
            String header = ctx.header("Authorization");
            presented = header != null && header.length() > 7 && header.startsWith("Bearer ") ? header.substring(7) : "";
        }
        String hash = TokenHash.of(refreshToken);
        long serialId = db.queryOne(FIND_LIVE_REFRESH_TOKEN, row -> row.getLong(1), hash).orElseThrow(ApiError::unauthorized);
        Optional<String> owner;
        try {
            owner = db.queryOne(FIND_STUDENT_ID, row -> row.getString(1), serialId);
        } catch (Database.DatabaseException e) {
            owner = Optional.empty();
        }
        String studentId = owner.orElseThrow(ApiError::unauthorized);
        db.update(REVOKE_FOR_REFRESH, hash);
        if (!presented.isEmpty()) {
            String jti = Tokens.unverifiedJti(presented);
            if (jti != null) {
                redis.revoke(RedisKeys.blacklist(jti), tokens.blacklistSeconds());
            }
        }
        String accessToken = tokens.issueAccessToken(serialId, studentId);
        String next = tokens.newRefreshToken();
        db.update(INSERT_REFRESH_TOKEN, serialId, TokenHash.of(next), refreshTokenExpiry(), userAgent(ctx),
                ctx.req().getRemoteAddr());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(AuthFields.ACCESS_TOKEN, accessToken);
        answer.put(AuthFields.REFRESH_TOKEN, next);
        Json.send(ctx, answer);
    }

    void logout(Context ctx) {
        Json.Decoded body = RequestBody.parse(ctx, TOKEN_FIELDS);
        String refreshToken = LoginRequest.trimSpace(body.value(REFRESH_TOKEN));
        if (refreshToken.isEmpty()) {
            throw ApiError.unauthorized();
        }
        String header = Authenticator.bearerToken(ctx);
        String accessToken = header != null ? header : LoginRequest.trimSpace(body.value(ACCESS_TOKEN));
        if (!accessToken.isEmpty()) {
            String jti = Tokens.unverifiedJti(accessToken);
            redis.revoke(jti != null && !jti.isEmpty()
                    ? RedisKeys.blacklist(jti)
                    : RedisKeys.blacklistToken(accessToken), tokens.blacklistSeconds());
        }
        if (db.update(REVOKE_FOR_LOGOUT, TokenHash.of(refreshToken)) > 0) {
            redis.delete("refresh_token:" + refreshToken);
        }
        ctx.contentType(Json.CONTENT_TYPE).result(LOGGED_OUT);
    }

    void me(Context ctx) {
        Tokens.Principal caller = authenticator.require(ctx);
        if (caller.serialId() == 0) {
            throw ApiError.unauthorized();
        }
        Map<String, Object> user = db.queryOne(FIND_USER, row -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("student_id", row.getString("student_id"));
                    answer.put("name", row.getString("name"));
                    answer.put("phone_number", row.getString("phone_number"));
                    return answer;
                }, caller.serialId())
                .orElseThrow(() -> ApiError.notFound("user not found"));
        Json.send(ctx, user);
    }

    /**
     * PostgreSQL first, then Redis, both within one {@value #HEALTH_DEADLINE_SECONDS} s deadline as deployed (a pool
     * waiting for a connection to a database that is down would otherwise take its own, longer timeout); the body's
     * keys in alphabetical order, as Go marshals a map.
     */
    void health(Context ctx) {
        long deadline = System.nanoTime() + HEALTH_DEADLINE.toNanos();
        Map<String, Object> answer = new LinkedHashMap<>();
        String dbError = withinDeadline(this::databasePingError, deadline);
        if (dbError != null) {
            answer.put("db", "unreachable");
            answer.put("error", dbError);
            answer.put("status", "unhealthy");
            Json.send(ctx.status(500), answer);
            return;
        }
        String redisError = withinDeadline(redis::pingError, deadline);
        if (redisError != null) {
            answer.put("error", redisError);
            answer.put("redis", "unreachable");
            answer.put("status", "unhealthy");
            Json.send(ctx.status(500), answer);
            return;
        }
        answer.put("db", "reachable");
        answer.put("redis", "reachable");
        answer.put("status", "healthy");
        Json.send(ctx, answer);
    }

    /** The check's error text (null when it passed), or Go's text for a context past its deadline. */
    private String withinDeadline(Callable<String> check, long deadline) {
        Future<String> result = healthChecks.submit(check);
        try {
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return "context deadline exceeded";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "context canceled";
        }
    }

    private String databasePingError() {
        try (Connection c = db.connection()) {
            return c.isValid(HEALTH_DEADLINE_SECONDS) ? null
                    : "the database did not answer within " + HEALTH_DEADLINE_SECONDS + " s";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    /** Go's {@code time.Now().Add(TTL)} as a {@code timestamp}: the UTC wall clock, as in the deployed container. */
    private LocalDateTime refreshTokenExpiry() {
        return LocalDateTime.now(ZoneOffset.UTC).plus(tokens.refreshTokenTtl());
    }

    /**
     * fasthttp keeps the last User-Agent line, as the bytes it came in (Jetty gives each line's bytes as ISO-8859-1
     * characters); bytes that are not UTF-8 fail the statement that stores them, as in PostgreSQL.
     */
    private static Database.Utf8Text userAgent(Context ctx) {
        String userAgent = HttpPipeline.lastHeader(ctx, "User-Agent");
        return new Database.Utf8Text(userAgent == null ? "" : userAgent);
    }
}
