/**
 * The simulations Gatling runs ({@code LockerReservationSimulation}, {@code SmokeSimulation},
 * {@code LockerRaceSimulation}, {@code ReferenceServerBenchmarkSimulation}); they only assemble. Their shared base
 * {@link locker.loadtest.simulation.LoadTestSimulation} and {@link locker.loadtest.simulation.LoadTestRun} wire a
 * run: target, test data, outcomes, export. Also the injection plans, the pre-flight check, the standard assertions
 * and {@link locker.loadtest.simulation.RunPlan} (what scripts/run_load_test.sh prints and checks before it starts
 * Gatling).
 */
package locker.loadtest.simulation;
