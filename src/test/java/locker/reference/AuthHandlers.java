package locker.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import locker.contract.SerialId;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /auth/*}: login-or-register, refresh, logout and "who am I". */
final class AuthHandlers {
    /** The upsert and the new refresh token in one statement: one round trip and one commit per login. */
    private static final String UPSERT_USER_WITH_TOKEN = """
            WITH u AS (
                INSERT INTO users (serial_id, student_id, name, phone_number) VALUES (?, ?, ?, ?)
                ON CONFLICT (student_id, name, phone_number) DO UPDATE SET updated_at = now()
                RETURNING serial_id, (xmax = 0) AS inserted),
            t AS (
                INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, expires_at, user_agent, ip)
                SELECT serial_id, ?, now() + make_interval(secs => ?), ?, ? FROM u)
            SELECT inserted FROM u""";
    private static final String INSERT_REFRESH_TOKEN = """
            INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, expires_at, user_agent, ip)
            VALUES (?, ?, now() + make_interval(secs => ?), ?, ?)""";
    private static final String CONSUME_REFRESH_TOKEN = """
            UPDATE auth_refresh_tokens t SET revoked_at = now()
            FROM users u
            WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now() AND u.serial_id = t.user_serial_id
            RETURNING u.serial_id, u.student_id""";
    private static final String REVOKE_REFRESH_TOKEN =
            "UPDATE auth_refresh_tokens SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL";

    private final Database db;
    private final Redis redis;
    private final Tokens tokens;
    private final Authenticator authenticator;

    AuthHandlers(Database db, Redis redis, Tokens tokens, Authenticator authenticator) {
        this.db = db;
        this.redis = redis;
        this.tokens = tokens;
        this.authenticator = authenticator;
    }

    void loginOrRegister(Context ctx) {
        JsonNode body = Json.body(ctx);
        LoginRequest request = LoginRequest.validate(
                Json.text(body, "student_id"), Json.text(body, "name"), Json.text(body, "phone_number"));
        long serialId = SerialId.of(request.studentId(), request.name(), request.phoneNumber());
        String refreshToken = tokens.newRefreshToken();
        boolean inserted = db.queryOne(UPSERT_USER_WITH_TOKEN, row -> row.getBoolean(1),
                serialId, request.studentId(), request.name(), request.phoneNumber(),
                Tokens.hash(refreshToken), refreshTokenSeconds(), ctx.userAgent(), clip(ctx.ip(), 45)).orElseThrow();
        Json.send(ctx.status(inserted ? 201 : 200), tokenAnswer(serialId, request.studentId(), refreshToken));
    }

    void refresh(Context ctx) throws SQLException {
        JsonNode body = Json.body(ctx);
        String refreshToken = Json.text(body, "refresh_token");
        if (refreshToken.isEmpty()) {
            throw ApiError.badRequest("refresh_token is required");
        }
        try (Connection c = db.connection()) {
            record Owner(long serialId, String studentId) {}
            Owner owner = Database.queryOne(c, CONSUME_REFRESH_TOKEN,
                            row -> new Owner(row.getLong("serial_id"), row.getString("student_id")),
                            Tokens.hash(refreshToken))
                    .orElseThrow(ApiError::unauthorized);
            blacklistPresentedAccessToken(ctx, body);
            String next = storeRefreshToken(c, owner.serialId(), ctx);
            Json.send(ctx, tokenAnswer(owner.serialId(), owner.studentId(), next));
        }
    }

    void logout(Context ctx) {
        JsonNode body = Json.body(ctx);
        String refreshToken = Json.text(body, "refresh_token");
        if (refreshToken.isEmpty()) {
            throw ApiError.unauthorized();
        }
        if (db.update(REVOKE_REFRESH_TOKEN, Tokens.hash(refreshToken)) == 0) {
            throw ApiError.unauthorized();
        }
        blacklistPresentedAccessToken(ctx, body);
        Json.send(ctx, Map.of("message", "logged out successfully"));
    }

    void me(Context ctx) {
        Tokens.Principal principal = authenticator.require(ctx);
        Map<String, Object> user = db.queryOne("SELECT student_id, name, phone_number FROM users WHERE serial_id = ?",
                        row -> {
                            Map<String, Object> answer = new LinkedHashMap<>();
                            answer.put("student_id", row.getString("student_id"));
                            answer.put("name", row.getString("name"));
                            answer.put("phone_number", row.getString("phone_number"));
                            return answer;
                        }, principal.serialId())
                .orElseThrow(() -> ApiError.notFound("user not found"));
        Json.send(ctx, user);
    }

    private String storeRefreshToken(Connection c, long serialId, Context ctx) throws SQLException {
        String refreshToken = tokens.newRefreshToken();
        Database.update(c, INSERT_REFRESH_TOKEN, serialId, Tokens.hash(refreshToken), refreshTokenSeconds(),
                ctx.userAgent(), clip(ctx.ip(), 45));
        return refreshToken;
    }

    private double refreshTokenSeconds() {
        return tokens.refreshTokenTtl().toSeconds();
    }

    private Map<String, Object> tokenAnswer(long serialId, String studentId, String refreshToken) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", tokens.issueAccessToken(serialId, studentId));
        answer.put("refresh_token", refreshToken);
        answer.put("serial_id", serialId);
        return answer;
    }

    /** The access token riding along (body or header), if it is genuine, may not be used again. */
    private void blacklistPresentedAccessToken(Context ctx, JsonNode body) {
        String presented = Json.text(body, "access_token");
        Optional<Tokens.Principal> principal = tokens.verify(
                presented.isEmpty() ? Authenticator.bearerToken(ctx) : presented);
        principal.ifPresent(p -> redis.blacklist(p.jti(), p.expiresAt()));
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
