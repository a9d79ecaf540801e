package locker.data;

import locker.config.SettingSource;

import java.util.Objects;

/** The Redis of the server under test; {@code password} is null when it has none. */
public record RedisTarget(String host, int port, String password) {
    public RedisTarget {
        Objects.requireNonNull(host, "host");
        password = password == null || password.isEmpty() ? null : password;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("REDIS_PORT must be between 1 and 65535, got " + port);
        }
    }

    /** REDIS_HOST (localhost), REDIS_PORT (6379), REDIS_PASSWORD (none). */
    public static RedisTarget fromSettings(SettingSource settings) {
        return new RedisTarget(
                settings.get("REDIS_HOST").orElse("localhost"),
                Settings.integer(settings, "REDIS_PORT", 6379),
                settings.get("REDIS_PASSWORD").orElse(null));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
