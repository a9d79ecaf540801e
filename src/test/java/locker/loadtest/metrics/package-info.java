/**
 * The server metrics sampled during a run: {@link locker.loadtest.metrics.ServerMetricsSampler} samples PostgreSQL
 * connections and locks, Redis clients and operations, and the embedded stack's CPU and heap once a second into
 * {@link locker.loadtest.metrics.MetricSeries}, and {@link locker.loadtest.metrics.ServerMetrics}, their section of
 * the results model.
 */
package locker.loadtest.metrics;
