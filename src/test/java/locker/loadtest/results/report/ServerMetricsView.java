package locker.loadtest.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sampled server metrics of a run ({@code server_metrics} of the results, written by
 * {@code ServerMetricsSampler}) as a person reads them: a label, the unit, the peak and the series.
 */
public final class ServerMetricsView {
    private ServerMetricsView() {}

    /** One sampled series; {@code values} has one value per sampling interval (a second). */
    public record Metric(String name, String label, String unit, double peak, List<Double> values) {
        /** The peak with its unit, e.g. {@code 38.78 % of all cores}, {@code 273.86 MiB}, {@code 20 connections}. */
        public String peakWithUnit() {
            return withUnit(peak);
        }

        public String withUnit(double value) {
            String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%.2f", value);
            return unit.isEmpty() ? number : number + " " + unit;
        }
    }

    /** The series that have samples, in the sampler's order. */
    public static List<Metric> of(Map<String, Object> serverMetrics) {
        List<Metric> metrics = new ArrayList<>();
        Map<?, ?> series = serverMetrics.get("series") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> peaks = serverMetrics.get("peaks") instanceof Map<?, ?> map ? map : Map.of();
        peaks.forEach((name, peak) -> {
            Map<?, ?> described = series.get(name) instanceof Map<?, ?> map ? map : Map.of();
            String unit = described.get("unit") instanceof String text ? text : "";
            List<Double> values = new ArrayList<>();
            if (described.get("values") instanceof List<?> list) {
                list.forEach(value -> values.add(((Number) value).doubleValue()));
            }
            metrics.add(new Metric(name.toString(), label(name.toString()), unit, ((Number) peak).doubleValue(), values));
        });
        return metrics;
    }

    /** What a series measures, in words. */
    static String label(String name) {
        return switch (name) {
            case "postgres_connections_active" -> "PostgreSQL connections running a query";
            case "postgres_connections_idle" -> "PostgreSQL connections idle";
            case "postgres_connections_idle_in_transaction" -> "PostgreSQL connections idle in a transaction";
            case "postgres_connections_total" -> "PostgreSQL connections open";
            case "postgres_connections_waiting_on_locks" -> "PostgreSQL connections waiting on a lock";
            case "redis_connected_clients" -> "Redis clients connected";
            case "redis_ops_per_sec" -> "Redis commands per second";
            // the embedded stack runs in Gatling's JVM: these are the load generator's and the server's together
            case "jvm_process_cpu" -> "CPU of the JVM running Gatling and the embedded server";
            case "jvm_heap_used" -> "heap used by the JVM running Gatling and the embedded server";
            default -> name.replace('_', ' ');
        };
    }
}
