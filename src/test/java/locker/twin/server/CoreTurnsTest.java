package locker.twin.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CoreTurnsTest {
    private static final long PATIENCE_SECONDS = 60;

    /** Threads of the test's own, ended after it, so that no turn stays with a thread another test uses. */
    private final ExecutorService others = Executors.newCachedThreadPool();

    @AfterEach
    void endTheOtherThreads() {
        others.shutdownNow();
    }

    @Test
    void aThreadWaitsForATurnUntilOneIsGivenBack() throws Exception {
        CoreTurns turns = new CoreTurns(1);
        turns.take();
        try {
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
                turns.take();
                CoreTurns.giveBack();
                return true;
            }, others);
            Thread.sleep(100);
            assertThat(other).isNotDone();

            CoreTurns.giveBack();
            assertThat(other.get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        } finally {
            CoreTurns.giveBack();
        }
    }

    @Test
    void aWaitGivesTheTurnBackForItsLengthAndTakesOneAfterIt() throws Exception {
        CoreTurns turns = new CoreTurns(1);
        turns.take();
        try {
            CountDownLatch otherRan = new CountDownLatch(1);
            boolean heldDuringTheWait = CoreTurns.waiting(() -> {
                CompletableFuture.runAsync(() -> {
                    turns.take();
                    CoreTurns.giveBack();
                    otherRan.countDown();
                }, others);
                assertThat(otherRan.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
                return CoreTurns.held();
            });
            assertThat(heldDuringTheWait).isFalse();
            assertThat(CoreTurns.held()).isTrue();
        } finally {
            CoreTurns.giveBack();
        }
    }

    @Test
    void aThreadWithoutATurnWaitsWithoutTakingOne() {
        new CoreTurns(1);
        assertThat(CoreTurns.waiting(() -> "answered")).isEqualTo("answered");
        assertThat(CoreTurns.held()).isFalse();
    }

    @Test
    void aThreadKeepsOneTurnHoweverOftenItTakesOne() throws Exception {
        CoreTurns turns = new CoreTurns(2);
        turns.take();
        turns.take();
        CoreTurns.giveBack();
        assertThat(CoreTurns.held()).isFalse();
        CompletableFuture<Void> twoOthers = CompletableFuture.allOf(
                CompletableFuture.runAsync(turns::take, others), CompletableFuture.runAsync(turns::take, others));
        twoOthers.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
}
