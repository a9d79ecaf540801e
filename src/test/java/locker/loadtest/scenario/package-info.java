/**
 * The students' journey, the seed's six steps: {@link locker.loadtest.scenario.LockerJourney} reads as them,
 * {@link locker.loadtest.scenario.Endpoints} is one request each with its checks,
 * {@link locker.loadtest.scenario.LockerAnswer} what each hold and confirm answer means,
 * {@link locker.loadtest.scenario.Outcomes} counts what happened to each student. Uses {@code locker.config},
 * {@code locker.contract} and, to record each response's status and outcome, {@code locker.loadtest.results}.
 */
package locker.loadtest.scenario;
