package locker.data;

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


    @Override
    public String toString() {
        return host + ":" + port;
    }
}
