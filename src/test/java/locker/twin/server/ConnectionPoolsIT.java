package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.HeldSteps;
import locker.testsupport.twin.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployed server's pools of connections to PostgreSQL and Redis (deployed-service.md §1.2, §8). */
class ConnectionPoolsIT {
    private static final int DEPLOYED_POOL = 10;
    private static final int LOCKER = 101;
    private static final long REDIS_PAUSE_MILLIS = 1_000;

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    private final ApiClient api = STACK.api();

    @AfterAll
    static void stopClients() throws InterruptedException {
        CLIENTS.shutdownNow();
        CLIENTS.awaitTermination(10, TimeUnit.SECONDS);
    }

    /**
     * The pool of 10 database connections: with ten requests each holding one, the eleventh waits for a connection,
     * longer than any connect time-out, and is served once one comes free. A {@link HeldSteps} gate keeps ten confirms
     * just after their BEGIN, connection in hand; it only orders real steps.
     */
    @Test
    void theEleventhRequestWaitsForOneOfTheTenConnectionsWithoutATimeOut() throws InterruptedException {
        assertThat(STACK.stack().serverSettings().dbPoolSize()).isEqualTo(DEPLOYED_POOL);
        Session session = api.newSession();
        HeldSteps gate = HeldSteps.installOn(STACK.stack().server());
        try {
            // a confirm takes its connection at BEGIN and keeps it until it has committed or rolled back
            List<HeldSteps.Held> confirms = IntStream.range(0, DEPLOYED_POOL)
                    .mapToObj(i -> gate.hold(StepGate.Step.CONFIRM_BEFORE_UPDATES, LOCKER)).toList();
            List<CompletableFuture<ApiResponse>> confirming = confirms.stream()
                    .map(held -> CompletableFuture.supplyAsync(() -> api.confirm(session, LOCKER), CLIENTS))
                    .toList();
            confirms.forEach(HeldSteps.Held::awaitArrival);

            CompletableFuture<ApiResponse> eleventh =
                    CompletableFuture.supplyAsync(() -> api.myLocker(session.accessToken()), CLIENTS);
            Thread.sleep(2L * Database.CONNECT_TIMEOUT_MILLIS);

            assertThat(eleventh).as("served while all ten connections were taken").isNotDone();
            confirms.get(0).letGo();
            assertThat(eleventh.join().status()).isEqualTo(200);
            confirms.forEach(HeldSteps.Held::letGo);
            assertThat(confirming).allSatisfy(confirm -> assertThat(confirm.join().status()).as("no hold to confirm")
                    .isEqualTo(409));
        } finally {
            gate.close(STACK.stack().server());
        }
    }

    /**
     * One Redis client: go-redis's pool of 10 connections per core, shared by the token check, the auth routes and the
     * locker routes. With Redis paused, three times as many requests as the pool has connections each need one at once:
     * the pool opens all of its connections and no more, and the other requests wait for one of them.
     */
    @Test
    void requestsBeyondTheSharedPoolWaitForOneOfItsConnections() {
        Session session = api.newSession();
        int connections = ReferenceServer.redisConnections();
        try (Jedis redis = new Jedis("127.0.0.1", STACK.stack().redisPort())) {
            long self = redis.clientId();
            redis.clientPause(REDIS_PAUSE_MILLIS);
            // each request's token check asks Redis whether the token is blacklisted
            List<CompletableFuture<ApiResponse>> requests = IntStream.range(0, 3 * connections)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.me(session.accessToken()), CLIENTS))
                    .toList();

            assertThat(requests).allSatisfy(request -> assertThat(request.join().status()).isEqualTo(200));
            List<String> serverConnections = redis.clientList().lines()
                    .filter(client -> !client.startsWith("id=" + self + " "))
                    .toList();
            assertThat(serverConnections).as("the server's connections to Redis").hasSize(connections);
        }
    }
}
