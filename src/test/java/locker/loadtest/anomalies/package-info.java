/**
 * What the run saw of the server breaking its promises. Every answer is noted in the run's journal
 * ({@link locker.loadtest.anomalies.RequestJournal}: the request's {@link locker.loadtest.anomalies.Call}, times,
 * status, student, locker and, for a non-2xx answer or "my locker", the body). After the load and before the
 * restore, the database invariants are checked ({@link locker.loadtest.anomalies.Invariants}) and
 * {@link locker.loadtest.anomalies.AnomalyFinder} finds the anomalies with their evidence: the timeline of the
 * requests around each, the state of its locker ({@link locker.loadtest.anomalies.LockerStateReader}) and the known
 * defect of the deployed server that fits ({@link locker.loadtest.anomalies.CauseRules}, the rules written out in
 * docs/results-and-report.md). {@link locker.loadtest.anomalies.AnomalyReport} is the results' {@code anomalies}
 * section.
 */
package locker.loadtest.anomalies;
