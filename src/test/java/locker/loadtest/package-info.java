/**
 * The load test: the students' journey ({@code scenario}), the simulations that run it ({@code simulation}),
 * the capacity search ({@code capacity}), the load generator's self-check ({@code generator}), the server
 * metrics sampled meanwhile ({@code metrics}), the anomalies and their evidence ({@code anomalies}), the contract
 * check ({@code contractcheck}), and what a run leaves behind ({@code results}). Uses {@code locker.config}, {@code locker.contract}, {@code locker.testdata} and
 * {@code locker.twin}; only the benchmark uses it. Within it, lowest first: capacity, generator, metrics, anomalies, contractcheck;
 * results; scenario; results.report and results.compare; results.export; simulation.
 */
package locker.loadtest;
