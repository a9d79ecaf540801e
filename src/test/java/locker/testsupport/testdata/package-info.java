/**
 * Test support for the test-data guarantees: real-looking data to seed beside
 * ({@link locker.testsupport.testdata.RealLookingData}), table and key dumps to compare before and after
 * ({@link locker.testsupport.testdata.DatabaseRows}), a small load, and
 * {@link locker.testsupport.testdata.LoadTestStandIn}, a load test in a JVM of its own that the crash tests kill.
 */
package locker.testsupport.testdata;
