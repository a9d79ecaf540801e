package locker.reference;

import locker.contract.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;

/**
 * Redis as the middleware and the auth routes use it: the access-token blacklist, the keys logout writes and
 * deletes, and the health check's PING. Every write here is best effort, as in the deployed server.
 */
final class AuthRedis implements AutoCloseable {
    private final JedisPool pool;

    AuthRedis(String host, int port, String password, int poolSize) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(poolSize);
        config.setMaxIdle(poolSize);
        config.setMaxWait(Duration.ofSeconds(5));
        config.setJmxEnabled(false);
        pool = new JedisPool(config, host, port, 2_000, password == null || password.isEmpty() ? null : password);
    }

    /** {@code EXISTS blacklist:<jti>}; a Redis error counts as "not blacklisted" (the deployed middleware fails open). */
    boolean isBlacklisted(String jti) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.exists(RedisKeys.blacklist(jti));
        } catch (JedisException e) {
            return false;
        }
    }

    /** {@code SET <key> revoked EX <seconds>}, errors ignored. */
    void revoke(String key, long seconds) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key, "revoked", SetParams.setParams().ex(seconds));
        } catch (JedisException e) {
            // best effort, as deployed
        }
    }

    /** {@code DEL <key>}, errors ignored. */
    void delete(String key) {
        try (Jedis jedis = pool.getResource()) {
            jedis.del(key);
        } catch (JedisException e) {
            // best effort, as deployed
        }
    }

    /** Null when Redis answers PING, otherwise the client's error text. */
    String pingError() {
        try (Jedis jedis = pool.getResource()) {
            String answer = jedis.ping();
            return "PONG".equals(answer) ? null : "unexpected PING answer: " + answer;
        } catch (JedisException e) {
            return e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Could not get a resource")
                    ? String.valueOf(e.getCause().getMessage()) : String.valueOf(e.getMessage());
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
