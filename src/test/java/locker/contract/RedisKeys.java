package locker.contract;

/** The Redis keys of the contract. */
public final class RedisKeys {
    public static final String HOLD_PREFIX = "locker:hold:";
    public static final String BLACKLIST_PREFIX = "blacklist:";
    public static final String TOKEN_BLACKLIST_PREFIX = BLACKLIST_PREFIX + "token:";
    /** How long a hold's key lives: {@code SET locker:hold:{id} <serial> EX 60 NX}; a hold lasts that long. */
    public static final int HOLD_SECONDS = 60;

    private RedisKeys() {}

    /** {@code locker:hold:{lockerId}}: the serial id of the student holding the locker. */
    public static String hold(long lockerId) {
        return HOLD_PREFIX + lockerId;
    }

    /** {@code blacklist:<jti>}: an access token revoked by logout or refresh. */
    public static String blacklist(String jti) {
        return BLACKLIST_PREFIX + jti;
    }

    /** {@code blacklist:token:<hash>}: an access token without a {@code jti}, revoked by logout; {@link TokenHash}. */
    public static String blacklistToken(String accessToken) {
        return TOKEN_BLACKLIST_PREFIX + TokenHash.of(accessToken);
    }
}
