package locker.config;

import java.util.Objects;

/** The Redis of the server under test; {@code password} is null when it has none. */
public record RedisTarget(String host, int port, String password) {
    public RedisTarget {
        Objects.requireNonNull(host, "host");
        password = password == null || password.isEmpty() ? null : password;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
