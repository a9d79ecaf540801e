package locker.twin.server;

import locker.contract.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;

/** The server's Redis pool: hold keys and the access-token blacklist. */
final class Redis implements AutoCloseable {
    private final JedisPool pool;
    final String host;
    final int port;
    final String password;

    Redis(String host, int port, String password, int poolSize) {
        this.host = host;
        this.port = port;
        this.password = password == null || password.isEmpty() ? null : password;
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(poolSize);
        config.setMaxIdle(poolSize);
        config.setMaxWait(Duration.ofSeconds(5));
        config.setJmxEnabled(false);
        pool = new JedisPool(config, host, port, 2_000, this.password);
    }

    /** {@code SET locker:hold:{id} <serial> NX EX ttl}: true when this caller now holds the locker. */
    boolean tryHold(long lockerId, long serialId, int ttlSeconds) {
        try (Jedis jedis = pool.getResource()) {
            return "OK".equals(jedis.set(RedisKeys.hold(lockerId), Long.toString(serialId),
                    SetParams.setParams().nx().ex(ttlSeconds)));
        }
    }

    /** {@code EXISTS locker:hold:{id}}; a Redis failure is the caller's to handle. */
    boolean holdExists(long lockerId) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(RedisKeys.hold(lockerId));
        }
    }

    /** Deletes a hold key, whoever's it is; a Redis failure here only leaves the key to expire. */
    void releaseHoldQuietly(long lockerId) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(RedisKeys.hold(lockerId));
        } catch (JedisException e) {
            // the key still expires after its TTL
        }
    }

    /**
     * {@code CONFIG SET notify-keyspace-events Ex}, which the deployed server sends at start-up and leaves set
     * in Redis (its listener for the events is closed at once, so nothing reads them); a failure is only logged.
     */
    void enableExpiryEvents() {
        try (Jedis jedis = pool.getResource()) {
            jedis.configSet("notify-keyspace-events", "Ex");
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
