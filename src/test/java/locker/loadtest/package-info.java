/**
 * The load test: the students' journey ({@code scenario}), the simulations that run it ({@code simulation}), the
 * capacity search ({@code capacity}), the load generator's self-check ({@code generator}), the server metrics sampled
 * meanwhile ({@code metrics}), the anomalies and their evidence ({@code anomalies}), the contract check
 * ({@code contractcheck}), and what a run leaves behind ({@code results}). The package itself holds only
 * {@link locker.loadtest.RunFolderFile}, which every record a run keeps as a JSON file of its own is written and read
 * with.
 */
package locker.loadtest;
