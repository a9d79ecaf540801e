package locker.loadtest.metrics;

import com.sun.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, once a second while the load runs, what tells where a bottleneck is: PostgreSQL
 * connections by state and waiting locks, Redis clients and operations per second, and (for the
 * embedded stack, which runs in this JVM) this JVM's CPU and heap. One database connection and one
 * Redis connection, each asked one light question a second, so the sampling does not disturb the
 * measurement. A source that cannot be reached is left out; its series stay empty.
 */
public final class ServerMetricsSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetricsSampler.class);
    private static final String PG_ACTIVITY = """
            SELECT count(*) FILTER (WHERE state = 'active')              AS active,
                   count(*) FILTER (WHERE state = 'idle')                AS idle,
                   count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS idle_in_transaction,
                   count(*)                                              AS total,
                   count(*) FILTER (WHERE wait_event_type = 'Lock')      AS waiting_on_locks
            FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()""";

    private final Connection db;
    private final Jedis redis;
    private final boolean sampleThisJvm;
    private final Map<ServerMetric, MetricSeries> series = new EnumMap<>(ServerMetric.class);
    private final ScheduledExecutorService timer;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final double intervalSeconds;
    private long lastRedisCommands = -1;

    /**
     * Starts sampling. {@code db} and {@code redis} may be empty (not reachable); {@code sampleThisJvm}
     * is true when the server under test runs in this JVM.
     */
    public ServerMetricsSampler(Optional<Connection> db, Optional<Jedis> redis, boolean sampleThisJvm,
                                Duration interval) {
        this.db = db.orElse(null);
        this.redis = redis.orElse(null);
        this.sampleThisJvm = sampleThisJvm;
        this.intervalSeconds = interval.toNanos() / 1e9;
        for (ServerMetric metric : ServerMetric.values()) {
            series.put(metric, new MetricSeries(metric.unit()));
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "server-metrics");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        samplePostgres();
        sampleRedis();
        if (sampleThisJvm) {
            series.get(ServerMetric.JVM_PROCESS_CPU).add(Math.max(0, os.getProcessCpuLoad()) * 100);
            series.get(ServerMetric.JVM_HEAP_USED).add(memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
        }
    }

    private void samplePostgres() {
        if (db == null) {
            return;
        }
        try (PreparedStatement statement = db.prepareStatement(PG_ACTIVITY); ResultSet row = statement.executeQuery()) {
            row.next();
            for (ServerMetric metric : ServerMetric.values()) {
                if (metric.postgresColumn != null) {
                    series.get(metric).add(row.getLong(metric.postgresColumn));
                }
            }
        } catch (SQLException e) {
            LOG.debug("PostgreSQL sample skipped: {}", e.getMessage());
        }
    }

    private void sampleRedis() {
        if (redis == null) {
            return;
        }
        try {
            Map<String, String> info = parseInfo(redis.info("clients") + "\n" + redis.info("stats"));
            series.get(ServerMetric.REDIS_CONNECTED_CLIENTS).add(Double.parseDouble(info.getOrDefault("connected_clients", "0")));
            // commands since the last sample, less this sample's own two INFO commands, per second
            long commands = Long.parseLong(info.getOrDefault("total_commands_processed", "0"));
            if (lastRedisCommands >= 0) {
                series.get(ServerMetric.REDIS_OPS_PER_SEC).add((commands - lastRedisCommands - 2) / intervalSeconds);
            }
            lastRedisCommands = commands;
        } catch (JedisException | NumberFormatException e) {
            LOG.debug("Redis sample skipped: {}", e.getMessage());
        }
    }

    static Map<String, String> parseInfo(String info) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return values;
    }

    /** Stops sampling (taking one last sample) and closes the connections. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // closing anyway
        }
        try {
            if (redis != null) {
                redis.close();
            }
        } catch (JedisException e) {
            // closing anyway
        }
    }

    /** Every series with its peak. */
    public Map<String, ServerMetrics.Series> series() {
        Map<String, ServerMetrics.Series> described = new LinkedHashMap<>();
        series.forEach((metric, s) -> described.put(metric.key(), s.series()));
        return described;
    }

    /** The results file's {@code server_metrics}: {@code pools} (name to size), the peaks and every series. */
    public ServerMetrics results(Map<String, Object> pools) {
        return new ServerMetrics(pools, peaks(), series());
    }

    /** The peak of each series that has samples, for the console summary. */
    public Map<String, Double> peaks() {
        Map<String, Double> peaks = new LinkedHashMap<>();
        series.forEach((metric, s) -> {
            if (s.size() > 0) {
                peaks.put(metric.key(), MetricSeries.round(s.peak()));
            }
        });
        return peaks;
    }

    int samples(ServerMetric metric) {
        return series.get(metric).size();
    }
}
