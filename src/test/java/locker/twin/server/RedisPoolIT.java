package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
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

/**
 * The deployed server's one Redis client (deployed-service.md §1.2): go-redis's pool of 10 connections per core, shared
 * by the token check, the auth routes and the locker routes. With Redis paused, three times as many requests as the
 * pool has connections each need one at once: the pool opens all of its connections and no more, and the other
 * requests wait for one of them.
 */
class RedisPoolIT {
    private static final long PAUSE_MILLIS = 1_000;

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    private final ApiClient api = STACK.api();

    @AfterAll
    static void stopClients() throws InterruptedException {
        CLIENTS.shutdownNow();
        CLIENTS.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsBeyondTheSharedPoolWaitForOneOfItsConnections() {
        Session session = api.newSession();
        int connections = ReferenceServer.redisConnections();
        try (Jedis redis = new Jedis("127.0.0.1", STACK.stack().redisPort())) {
            long self = redis.clientId();
            redis.clientPause(PAUSE_MILLIS);
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
