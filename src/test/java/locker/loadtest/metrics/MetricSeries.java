package locker.loadtest.metrics;

import java.util.ArrayList;
import java.util.List;

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

    synchronized ServerMetrics.Series series() {
        return new ServerMetrics.Series(unit, round(peak()), values.stream().map(MetricSeries::round).toList());
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
