/**
 * The students' journey, the seed's six steps: {@link locker.loadtest.scenario.LockerJourney} reads as them,
 * {@link locker.loadtest.scenario.Endpoints} is one request each with its checks,
 * {@link locker.loadtest.scenario.LockerAnswer} what each hold and confirm answer means,
 * {@link locker.loadtest.scenario.Login} and {@link locker.loadtest.scenario.MyLocker} what a login and
 * "my locker" answer carry (each read in one streaming pass: the generator's cost is in docs/benchmarks.md),
 * {@link locker.loadtest.scenario.Outcomes} counts what happened to each student. Uses {@code locker.config},
 * {@code locker.contract} and, to record each response's status and outcome, {@code locker.loadtest.results}.
 */
package locker.loadtest.scenario;
