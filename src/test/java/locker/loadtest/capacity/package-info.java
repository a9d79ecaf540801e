/**
 * The capacity search ({@code PROFILE=capacity}): {@link locker.loadtest.capacity.CapacityPlan} the levels,
 * {@link locker.loadtest.capacity.CapacitySearch} and {@link locker.loadtest.capacity.LiveMeter} judge each level
 * live and stop early, {@link locker.loadtest.capacity.CapacityAnalysis} judges each level again from simulation.log
 * after the run, {@link locker.loadtest.capacity.CapacityReport} its console and HTML.
 */
package locker.loadtest.capacity;
