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
import redis.clients.jedis.JedisPool;

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
    /** How long a request waits for a Redis connection here: well below the pool's 5 s, after which it would fail. */
    private static final long WAIT_FOR_REDIS_MILLIS = 1_000;

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
     * locker routes. With every connection of the pool taken, a request's token check waits for one instead of
     * opening another, and is served once one comes back; Redis never sees more connections than the pool holds.
     */
    @Test
    void withTheSharedPoolTakenTheTokenCheckWaitsForOneOfItsConnections() throws InterruptedException {
        Session session = api.newSession();
        int connections = ReferenceServer.redisConnections();
        JedisPool pool = STACK.stack().server().redisPool();
        List<Jedis> taken = IntStream.range(0, connections).mapToObj(i -> pool.getResource()).toList();
        CompletableFuture<ApiResponse> me;
        try {
            me = CompletableFuture.supplyAsync(() -> api.me(session.accessToken()), CLIENTS);
            Thread.sleep(WAIT_FOR_REDIS_MILLIS);
            assertThat(me).as("answered while every connection of the pool was taken").isNotDone();
        } finally {
            taken.forEach(Jedis::close);
        }
        assertThat(me.join().status()).isEqualTo(200);
        try (Jedis redis = new Jedis("127.0.0.1", STACK.stack().redisPort())) {
            long self = redis.clientId();
            List<String> serverConnections = redis.clientList().lines()
                    .filter(client -> !client.startsWith("id=" + self + " "))
                    .toList();
            assertThat(serverConnections).as("the server's connections to Redis").hasSize(connections);
        }
    }
}
