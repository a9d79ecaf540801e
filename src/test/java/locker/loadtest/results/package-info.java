/**
 * What a run leaves behind and how it is read: the run's context ({@link locker.loadtest.results.RunContext},
 * run-context.json), each response's status ({@link locker.loadtest.results.ResponseStatuses}), the scenario
 * outcomes ({@link locker.loadtest.results.Outcome}), the database invariants checked after the run
 * ({@link locker.loadtest.results.Invariants}), Gatling's simulation.log and index.html
 * ({@link locker.loadtest.results.GatlingLogReader}, {@link locker.loadtest.results.ReportHtml}), the run
 * folders and the results file's content ({@link locker.loadtest.results.ResultsDocument}). The layout of
 * load_test_results.json is documented in docs/results-and-report.md. Uses only {@code locker.config}; the
 * sub-packages write (report), compare (compare) and export (export) it.
 */
package locker.loadtest.results;
