/**
 * The comparison of runs (scripts/compare_runs.sh, and run_load_test.sh's repeated runs):
 * {@link locker.loadtest.results.compare.RunComparison} over the figures of several results files
 * ({@link locker.loadtest.results.compare.ResultsFile}), and the median of runs
 * ({@link locker.loadtest.results.compare.Median}).
 */
package locker.loadtest.results.compare;
