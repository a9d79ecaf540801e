/**
 * The students' journey, the original's six steps: {@link locker.loadtest.scenario.LockerJourney} reads as them,
 * {@link locker.loadtest.scenario.Endpoints} is one request each with its checks,
 * {@link locker.loadtest.scenario.Login} what a login answer carries (read in one streaming pass: the generator's
 * cost is in docs/benchmarks.md), {@link locker.loadtest.scenario.Outcomes} counts what happened to each student.
 * What each answer means is the contract's ({@link locker.contract.LockerAnswer}, {@link locker.contract.MyLocker}).
 */
package locker.loadtest.scenario;
