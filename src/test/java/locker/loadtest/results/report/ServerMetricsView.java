package locker.loadtest.results.report;

import locker.loadtest.metrics.ServerMetric;
import locker.loadtest.metrics.ServerMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sampled server metrics of a run ({@code server_metrics} of the results) as a person reads them: a label,
 * the unit, the peak and the series.
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

    /** The series that have samples, in the sampler's order; none when {@code serverMetrics} is null. */
    public static List<Metric> of(ServerMetrics serverMetrics) {
        List<Metric> metrics = new ArrayList<>();
        if (serverMetrics == null) {
            return metrics;
        }
        serverMetrics.peaks().forEach((name, peak) -> {
            ServerMetrics.Series series = serverMetrics.series().get(name);
            metrics.add(new Metric(name, ServerMetric.label(name), series == null ? "" : series.unit(), peak,
                    series == null ? List.of() : series.values()));
        });
        return metrics;
    }
}
