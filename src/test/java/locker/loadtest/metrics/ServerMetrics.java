package locker.loadtest.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code server_metrics} section of the results file: what was sampled once a second during the run.
 *
 * @param pools  the connection pools in use, by name (a size, or how it is sized)
 * @param peaks  the highest value of each series that has samples
 * @param series every series, by name
 */
public record ServerMetrics(Map<String, Object> pools, Map<String, Double> peaks, Map<String, Series> series) {
    /** One sampled series: its unit, its peak and a value per second. */
    public record Series(String unit, double peak, List<Double> values) {
        public Series {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public ServerMetrics {
        pools = pools == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pools));
        peaks = peaks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(peaks));
        series = series == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
}
