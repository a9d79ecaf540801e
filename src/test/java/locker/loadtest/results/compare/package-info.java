/**
 * The comparison of runs (scripts/compare_runs.sh, and run_load_test.sh's repeated runs):
 * {@link locker.loadtest.results.compare.RunComparison} over the figures of several results files
 * ({@link locker.loadtest.results.compare.ResultsFile}). Uses {@code locker.loadtest.results}; the benchmark uses it.
 */
package locker.loadtest.results.compare;
