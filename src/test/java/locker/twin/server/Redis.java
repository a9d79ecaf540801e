package locker.twin.server;

import locker.contract.RedisKeys;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.IOUtils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Function;

/** The server's Redis pool, and the locker routes' commands on it: hold keys. */
final class Redis implements AutoCloseable {
    private static final int RETRIES = 3;
    private final JedisPool pool;

    Redis(String host, int port, String password, int poolSize) {
        pool = pool(host, port, password, poolSize);
    }

    JedisPool pool() {
        return pool;
    }

    /**
     * A pool of {@code size} connections to Redis whose reads give the thread's turn back ({@link CoreTurns}), waiting
     * at most 5 s for a connection, with a 2 s time-out on every command; an empty password is none. As go-redis's,
     * an idle connection is closed after 30 minutes, not checked in the meantime: a pool that dropped connections idle
     * for a minute (the pool library's default) opened new ones in the middle of a burst of requests.
     */
    private static JedisPool pool(String host, int port, String password, int size) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMinEvictableIdleDuration(Duration.ofMinutes(30));
        config.setTestWhileIdle(false);
        config.setMaxWait(Duration.ofSeconds(5));
        config.setJmxEnabled(false);
        int timeoutMillis = 2_000;
        JedisSocketFactory sockets = () -> {
            Socket socket = new TurnReleasingSocket();
            try {
                socket.setReuseAddress(true);
                socket.setKeepAlive(true);
                socket.setTcpNoDelay(true);
                socket.setSoLinger(true, 0);
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                return socket;
            } catch (IOException e) {
                IOUtils.closeQuietly(socket);
                throw new JedisConnectionException("Failed to connect to " + host + ":" + port + ".", e);
            }
        };
        return new JedisPool(config, sockets,
                DefaultJedisClientConfig.builder().timeoutMillis(timeoutMillis)
                        .password(password == null || password.isEmpty() ? null : password).build());
    }

    /**
     * Runs a command on a connection of the pool (waited for without a turn), again on a fresh connection when the
     * connection fails, up to {@value #RETRIES} retries as go-redis's MaxRetries. A failed connection drops the pool's
     * idle ones: after a Redis restart they are all closed, and go-redis checks an idle connection before it hands it
     * out, so the deployed server's first command after a restart succeeds.
     */
    static <T> T call(JedisPool pool, Function<Jedis, T> command) {
        for (int attempt = 0; ; attempt++) {
            try (Jedis jedis = CoreTurns.waiting(pool::getResource)) {
                return command.apply(jedis);
            } catch (JedisConnectionException e) {
                pool.clear();
                if (attempt == RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** {@code SET locker:hold:{id} <serial> NX EX ttl}: true when this caller now holds the locker. */
    boolean tryHold(long lockerId, long serialId, int ttlSeconds) {
        return call(pool, jedis -> "OK".equals(jedis.set(RedisKeys.hold(lockerId), Long.toString(serialId),
                SetParams.setParams().nx().ex(ttlSeconds))));
    }

    /** {@code EXISTS locker:hold:{id}}; a Redis failure is the caller's to handle. */
    boolean holdExists(long lockerId) {
        return call(pool, jedis -> jedis.exists(RedisKeys.hold(lockerId)));
    }

    /** Deletes a hold key, whoever's it is; a Redis failure here only leaves the key to expire. */
    void releaseHoldQuietly(long lockerId) {
        try {
            call(pool, jedis -> jedis.del(RedisKeys.hold(lockerId)));
        } catch (JedisException e) {
            // the key still expires after its TTL
        }
    }

    /**
     * {@code CONFIG SET notify-keyspace-events Ex}, which the deployed server sends at start-up and leaves set
     * in Redis (its listener for the events is closed at once, so nothing reads them); a failure is only logged.
     */
    void enableExpiryEvents() {
        call(pool, jedis -> jedis.configSet("notify-keyspace-events", "Ex"));
    }

    @Override
    public void close() {
        pool.close();
    }
}
