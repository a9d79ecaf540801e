package locker.contract;

import java.util.Base64;

/**
 * How the deployed server keeps a token it must recognise without storing it: base64url (no padding) of its SHA-256.
 * Refresh tokens are stored so, and an access token without a {@code jti} is blacklisted so
 * ({@link RedisKeys#blacklistToken}).
 */
public final class TokenHash {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenHash() {}

    public static String of(String token) {
        return BASE64URL.encodeToString(SerialId.sha256(token));
    }
}
