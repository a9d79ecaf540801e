/**
 * The reference server, the deployed Go server's twin ({@code server}), and the embedded stack that runs it on
 * embedded PostgreSQL and Redis ({@code stack}). Uses only {@code locker.contract}; nothing of the load test,
 * the test data or the benchmark.
 */
package locker.twin;
