package locker.reference;

import locker.contract.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Marks {@code hold} rows {@code expired} once their time is up: at once when Redis reports the hold
 * key expired, and by a periodic sweep for anything the notifications missed.
 */
final class HoldExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoldExpiry.class);
    private static final String EXPIRE_ALL = """
            UPDATE locker_assignments SET state = 'expired' WHERE state = 'hold' AND hold_expires_at <= now()""";
    /*
     * The Redis key is set just before the row is written, so it expires a little before the row's
     * hold_expires_at; half a second of slack lets the notification catch it. A new hold on the same
     * locker lasts at least a second, so the slack cannot reach it.
     */
    private static final String EXPIRE_LOCKER = """
            UPDATE locker_assignments SET state = 'expired'
            WHERE locker_id = ? AND state = 'hold' AND hold_expires_at <= now() + interval '500 milliseconds'""";

    private final Database db;
    private final Redis redis;
    private final ScheduledExecutorService sweeper;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    HoldExpiry(Database db, Redis redis, Duration sweepInterval) {
        this.db = db;
        this.redis = redis;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hold-expiry-sweep"));
        long millis = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
        this.listener = daemon(this::listen, "hold-expiry-events");
        listener.start();
    }

    private void sweep() {
        try {
            db.update(EXPIRE_ALL);
        } catch (RuntimeException e) {
            LOG.warn("hold expiry sweep failed: {}", e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Jedis jedis = redis.dedicatedConnection()) {
                jedis.configSet("notify-keyspace-events", "Ex");
                subscription = new JedisPubSub() {
                    @Override
                    public void onPMessage(String pattern, String channel, String key) {
                        if (key.startsWith(RedisKeys.HOLD_PREFIX)) {
                            expireLocker(key.substring(RedisKeys.HOLD_PREFIX.length()));
                        }
                    }
                };
                jedis.psubscribe(subscription, "__keyevent@*__:expired");
            } catch (JedisException e) {
                if (running) {
                    LOG.debug("expiry notifications unavailable, the sweep still runs: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void expireLocker(String lockerId) {
        try {
            db.update(EXPIRE_LOCKER, Long.parseLong(lockerId));
        } catch (RuntimeException e) {
            LOG.warn("could not expire the hold on locker {}: {}", lockerId, e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        running = false;
        sweeper.shutdownNow();
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.punsubscribe();
            } catch (JedisException e) {
                // the connection is going away anyway
            }
        }
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
