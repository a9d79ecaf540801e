package locker.loadtest.metrics;

import java.util.Arrays;

/** A series the server metrics sample: its name in the results, its unit, and what it measures in words. */
public enum ServerMetric {
    POSTGRES_ACTIVE("active", "PostgreSQL connections running a query"),
    POSTGRES_IDLE("idle", "PostgreSQL connections idle"),
    POSTGRES_IDLE_IN_TRANSACTION("idle_in_transaction", "PostgreSQL connections idle in a transaction"),
    POSTGRES_TOTAL("total", "PostgreSQL connections open"),
    POSTGRES_WAITING_ON_LOCKS("waiting_on_locks", "PostgreSQL connections waiting on a lock"),
    REDIS_CONNECTED_CLIENTS("redis_connected_clients", "clients", "Redis clients connected"),
    REDIS_OPS_PER_SEC("redis_ops_per_sec", "operations/s", "Redis commands per second"),
    // the embedded stack runs in Gatling's JVM: these are the load generator's and the server's together
    JVM_PROCESS_CPU("jvm_process_cpu", "% of all cores", "CPU of the JVM running Gatling and the embedded server"),
    JVM_HEAP_USED("jvm_heap_used", "MiB", "heap used by the JVM running Gatling and the embedded server");

    private static final String POSTGRES_PREFIX = "postgres_connections_";

    private final String key;
    private final String unit;
    private final String label;
    /** The column of the sampler's pg_stat_activity query, for PostgreSQL's series; null for the others. */
    final String postgresColumn;

    ServerMetric(String postgresColumn, String label) {
        this(POSTGRES_PREFIX + postgresColumn, "connections", label, postgresColumn);
    }

    ServerMetric(String key, String unit, String label) {
        this(key, unit, label, null);
    }

    ServerMetric(String key, String unit, String label, String postgresColumn) {
        this.key = key;
        this.unit = unit;
        this.label = label;
        this.postgresColumn = postgresColumn;
    }

    /** The series' name in the results ({@code server_metrics}). */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** What a series of this name measures; a name the sampler does not make reads as itself, in words. */
    public static String label(String key) {
        return Arrays.stream(values()).filter(metric -> metric.key.equals(key)).findFirst()
                .map(metric -> metric.label).orElse(key.replace('_', ' '));
    }
}
