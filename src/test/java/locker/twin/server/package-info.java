/**
 * The reference server: Javalin, HikariCP, Jedis and java-jwt doing what the deployed server does (described in
 * docs/deployed-service.md; docs/reference-server.md, docs/twin-fidelity-http.md, docs/twin-fidelity-lockers.md).
 * {@link locker.twin.server.ReferenceServer} wires it; {@link locker.twin.server.ConnectionThreads} serves each
 * connection on a thread of its own, as fasthttp does on a goroutine, and {@link locker.twin.server.CoreTurns} lets as
 * many of them run at once as Go runs goroutines; {@link locker.twin.server.HttpPipeline} is the
 * deployed route stack, {@link locker.twin.server.AuthHandlers} and {@link locker.twin.server.LockerHandlers} the routes,
 * {@link locker.twin.server.HoldExpiry} the sweep; {@link locker.twin.server.ReferenceServerSettings} its knobs.
 * {@link locker.twin.server.StepGate} is the hook the race tests hold requests at. The database schema and data set
 * are the Flyway migrations in src/test/resources/db/reference.
 */
package locker.twin.server;
