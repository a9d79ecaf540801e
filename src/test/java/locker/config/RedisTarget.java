package locker.config;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.util.Objects;
import java.util.Optional;

/** The Redis of the server under test; {@code password} is null when it has none. */
public record RedisTarget(String host, int port, String password) {
    public RedisTarget {
        Objects.requireNonNull(host, "host");
        password = password == null || password.isEmpty() ? null : password;
    }

    /** A new client, connected and given the password when there is one; a {@code JedisException} when it cannot be. */
    public Jedis connect(int timeoutMillis) {
        return new Jedis(new HostAndPort(host, port),
                DefaultJedisClientConfig.builder().password(password).timeoutMillis(timeoutMillis).build());
    }

    /** A client that answered {@code PING} within a second; empty when Redis did not answer. */
    public Optional<Jedis> connectIfAnswering() {
        return connectIfAnswering(1_000);
    }

    /** A client that answered {@code PING} within {@code timeoutMillis}; empty when Redis did not answer. */
    public Optional<Jedis> connectIfAnswering(int timeoutMillis) {
        Jedis jedis = null;
        try {
            jedis = connect(timeoutMillis);
            jedis.ping();
            return Optional.of(jedis);
        } catch (RuntimeException notAnswering) {
            if (jedis != null) {
                jedis.close();
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
