package locker.twin.server;

import io.javalin.http.Context;

/**
 * The deployed JWT middleware: the {@code Authorization: Bearer} header checked before every route under
 * {@code /api/v1} that is not public. It stores the caller for the handlers ({@link #require}).
 */
final class Authenticator {
    private static final String CALLER = "locker.twin.server.caller";
    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final AuthRedis redis;

    Authenticator(Tokens tokens, AuthRedis redis) {
        this.tokens = tokens;
        this.redis = redis;
    }

    /**
     * True when the request carries a usable access token, which is then the caller. In the deployed order: the
     * case-sensitive {@code Bearer } prefix, the blacklist by the {@code jti} read without verification (a Redis
     * error lets the token through), then the signature and the claims.
     */
    boolean authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            return false;
        }
        String token = header.substring(BEARER.length());
        Tokens.Principal remembered = tokens.remembered(token);
        String jti = remembered != null ? remembered.jti() : Tokens.unverifiedJti(token);
        if (jti != null && redis.isBlacklisted(jti)) {
            return false;
        }
        Tokens.Principal principal = remembered != null ? remembered : tokens.verify(token);
        if (principal == null) {
            return false;
        }
        ctx.attribute(CALLER, principal);
        return true;
    }

    /**
     * The caller the middleware let through: its serial id ({@code sub}, which may be 0 or negative) and the
     * {@code student_id} claim ({@code ""} when missing). Handlers answer 401 themselves when the serial id is 0.
     */
    Tokens.Principal require(Context ctx) {
        Tokens.Principal principal = ctx.attribute(CALLER);
        if (principal == null) {
            throw ApiError.unauthorized();
        }
        return principal;
    }

    /** The text after {@code Bearer } in the Authorization header, or null without that prefix. */
    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null;
    }
}
