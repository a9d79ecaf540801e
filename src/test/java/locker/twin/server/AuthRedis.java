package locker.twin.server;

import locker.contract.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Redis as the middleware and the auth routes use it: the access-token blacklist, the keys logout writes and
 * deletes, and the health check's PING. Every write here is best effort, as in the deployed server.
 */
final class AuthRedis {
    private final JedisPool pool;

    /** On the locker routes' pool: the deployed server has one Redis client for everything. */
    AuthRedis(Redis redis) {
        pool = redis.pool();
    }

    /** {@code EXISTS blacklist:<jti>}; a Redis error counts as "not blacklisted" (the deployed middleware fails open). */
    boolean isBlacklisted(String jti) {
        try {
            return Redis.call(pool, jedis -> jedis.exists(RedisKeys.blacklist(jti)));
        } catch (JedisException e) {
            return false;
        }
    }

    /** {@code SET <key> revoked EX <seconds>}, errors ignored. */
    void revoke(String key, long seconds) {
        try {
            Redis.call(pool, jedis -> jedis.set(key, "revoked", SetParams.setParams().ex(seconds)));
        } catch (JedisException e) {
            // best effort, as deployed
        }
    }

    /** {@code DEL <key>}, errors ignored. */
    void delete(String key) {
        try {
            Redis.call(pool, jedis -> jedis.del(key));
        } catch (JedisException e) {
            // best effort, as deployed
        }
    }

    /** Null when Redis answers PING, otherwise the client's error text. */
    String pingError() {
        try {
            String answer = Redis.call(pool, Jedis::ping);
            return "PONG".equals(answer) ? null : "unexpected PING answer: " + answer;
        } catch (JedisException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return String.valueOf(cause.getMessage());
        }
    }
}
