package locker.reference;

import io.javalin.http.Context;
import redis.clients.jedis.exceptions.JedisException;

/** Turns the {@code Authorization: Bearer} header into a principal, or answers 401. */
final class Authenticator {
    private final Tokens tokens;
    private final Redis redis;

    Authenticator(Tokens tokens, Redis redis) {
        this.tokens = tokens;
        this.redis = redis;
    }

    Tokens.Principal require(Context ctx) {
        Tokens.Principal principal = tokens.verify(bearerToken(ctx)).orElseThrow(ApiError::unauthorized);
        try {
            if (redis.isBlacklisted(principal.jti())) {
                throw ApiError.unauthorized();
            }
        } catch (JedisException e) {
            // Without the blacklist a revoked token cannot be told apart: refuse rather than let it through,
            // as the service being unavailable (the contract's 503 of a hold while Redis is down), not as 401.
            throw new ApiError(503, "service unavailable");
        }
        return principal;
    }

    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
