package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.HeldSteps;
import locker.testsupport.twin.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed pool of 10 database connections (deployed-service.md §1.2, §8): with ten requests each holding one,
 * the eleventh waits for a connection, longer than any connect time-out, and is served once one comes free. A
 * {@link HeldSteps} gate keeps ten confirms just after their BEGIN, connection in hand; it only orders real steps.
 */
class DatabasePoolIT {
    private static final int DEPLOYED_POOL = 10;
    private static final int LOCKER = 101;

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
}
