/**
 * locker-loadtest: a Gatling load test of the university locker reservation service, with the tools around it.
 * One package per product, lowest first: {@code contract} (what both sides of the API agree on), {@code config}
 * (the settings), {@code twin} (the reference server and its embedded stack), {@code testdata} (seeding and
 * restoring the load test's users and lockers), {@code loadtest} (scenario, simulations, results) and
 * {@code bench} (the benchmark harness); {@code testsupport} holds what only tests use. A package uses only
 * those below it, and no two packages use each other: {@link locker.LayoutTest} checks both. Tests
 * ({@code *Test}, {@code *IT}) sit in the package of what they test; those of the whole project (its layout, its build
 * and CI files) sit here. docs/layout.md has the whole tree.
 */
package locker;
