/**
 * The embedded stack: {@link locker.twin.stack.EmbeddedStack} starts embedded PostgreSQL (with the reference
 * migrations), embedded Redis and the reference server; {@link locker.twin.stack.ServerWarmUp} warms a freshly
 * started server up before it is measured and leaves no trace; {@link locker.twin.stack.ReferenceStackMain} is what
 * scripts/reference-server.sh runs.
 */
package locker.twin.stack;
