/**
 * Test support: used only by tests, never by tool code ({@link locker.LayoutTest} checks it). The stack fixtures
 * ({@link locker.testsupport.StackExtension}, {@link locker.testsupport.GatedStack}), Gatling and the benchmark in a
 * JVM of their own ({@link locker.testsupport.GatlingFork}, {@link locker.testsupport.BenchmarkScript}), the report
 * fixture simulation, headless Chromium, and small helpers for waiting, racing and capturing the console. A helper
 * shared by two tests lives here, not in one of them.
 */
package locker.testsupport;
