package locker.twin.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The deployed server's only background expiry: every sweep interval (10 s), each {@code hold} row whose
 * Redis key is gone is marked {@code expired}. It trusts the key, not {@code hold_expires_at}, and checks and
 * updates in two steps, so a hold made between them is expired too (deployed-service.md §7.2, R2). The
 * deployed server's listener for Redis expiry events closes as soon as it starts, so the twin has none; it only
 * sets {@code notify-keyspace-events} as the deployed server does.
 */
final class HoldExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoldExpiry.class);
    static final String HELD_LOCKERS = "SELECT locker_id FROM locker_assignments WHERE state = 'hold'";
    static final String EXPIRE_HOLD =
            "UPDATE locker_assignments SET state = 'expired' WHERE locker_id = ? AND state = 'hold'";

    private final Database db;
    private final Redis redis;
    private final StepGates gates;
    private final ScheduledExecutorService sweeper;
    /** The sweep runs on a turn, as the deployed sweep's goroutine does ({@link CoreTurns}). */
    private final CoreTurns turns;

    HoldExpiry(Database db, Redis redis, Duration sweepInterval, StepGates gates, CoreTurns turns) {
        this.db = db;
        this.turns = turns;
        this.redis = redis;
        this.gates = gates;
        try {
            redis.enableExpiryEvents();
        } catch (JedisException e) {
            LOG.warn("could not set notify-keyspace-events: {}", e.getMessage());
        }
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hold-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = sweepInterval.toMillis();
        // like Go's ticker: a fixed rate, never two sweeps at once
        sweeper.scheduleAtFixedRate(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        turns.take();
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("hold expiry sweep failed: {}", e.getMessage());
        } finally {
            CoreTurns.giveBack();
        }
    }

    /**
     * One sweep. As deployed, the connection of the SELECT stays taken while the rows' updates run on others;
     * a Redis error skips the row, a failed update is logged.
     */
    void sweep() {
        try (Connection c = db.connection();
             PreparedStatement statement = c.prepareStatement(HELD_LOCKERS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long lockerId = rows.getInt(1);
                boolean keyExists;
                try {
                    keyExists = redis.holdExists(lockerId);
                } catch (JedisException e) {
                    LOG.debug("sweep skips locker {}: {}", lockerId, e.getMessage());
                    continue;
                }
                if (!keyExists) {
                    gates.current().reached(StepGate.Step.SWEEP_FOUND_NO_KEY, lockerId);
                    try {
                        db.update(EXPIRE_HOLD, new Database.Int4(lockerId));
                    } catch (Database.DatabaseException e) {
                        LOG.warn("could not expire the hold on locker {}: {}", lockerId, e.getMessage());
                    }
                }
            }
        } catch (SQLException e) {
            throw new Database.DatabaseException(e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
