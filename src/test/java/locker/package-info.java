/**
 * locker-loadtest: a Gatling load test of the university locker reservation service, with the tools around it.
 * One package per product: {@code contract} (what both sides of the API agree on), {@code config} (the settings),
 * {@code twin} (the reference server and its embedded stack), {@code testdata} (seeding and restoring the load test's
 * users and lockers), {@code loadtest} (scenario, simulations, results) and {@code bench} (the benchmark harness);
 * {@code testsupport} holds what only tests use. docs/layout.md has the tree and which package may use which, and
 * {@link locker.LayoutTest} checks it; the tests of the whole project (its layout, its build and CI files) sit here.
 */
package locker;
