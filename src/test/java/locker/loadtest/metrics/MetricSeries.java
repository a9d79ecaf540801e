package locker.loadtest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One measured quantity over the run: a value per second, and its peak. */
final class MetricSeries {
    private final String unit;
    private final List<Double> values = new ArrayList<>();

    MetricSeries(String unit) {
        this.unit = unit;
    }

    synchronized void add(double value) {
        values.add(value);
    }

    synchronized int size() {
        return values.size();
    }

    synchronized double peak() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    synchronized Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("unit", unit);
        d.put("peak", round(peak()));
        d.put("values", values.stream().map(MetricSeries::round).toList());
        return d;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
