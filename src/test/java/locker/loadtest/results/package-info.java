/**
 * What a run leaves behind and how it is read: the run's context ({@link locker.loadtest.results.RunContext},
 * run-context.json), each response's status ({@link locker.loadtest.results.ResponseStatuses}, from the run's
 * journal), the scenario outcomes ({@link locker.loadtest.results.Outcome}), Gatling's simulation.log and index.html
 * ({@link locker.loadtest.results.GatlingLogReader}, {@link locker.loadtest.results.ReportHtml}), the run folders,
 * the results file as one typed model ({@link locker.loadtest.results.RunResults}, records read and written with
 * Jackson; {@link locker.loadtest.results.ResultsDocument} builds it), the JVM's exit statuses
 * ({@link locker.loadtest.results.ExitStatus}), and what the command-line tools share: their arguments
 * ({@link locker.loadtest.results.CommandLine}) and console tables ({@link locker.loadtest.results.TextTable}). A
 * key of load_test_results.json is named only in RunResults and documented in docs/results-and-report.md.
 */
package locker.loadtest.results;
