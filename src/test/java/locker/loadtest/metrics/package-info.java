/**
 * The server metrics sampled during a run: {@link locker.loadtest.metrics.ServerMetricsSampler} samples
 * PostgreSQL connections and locks, Redis clients and operations, and the embedded stack's CPU and heap once a
 * second into {@link locker.loadtest.metrics.MetricSeries}. Uses
 * nothing of the project.
 */
package locker.loadtest.metrics;
