/**
 * The reference server, the deployed Go server's twin ({@code server}), and the embedded stack that runs it on
 * embedded PostgreSQL and Redis ({@code stack}).
 */
package locker.twin;
