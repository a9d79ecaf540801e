package locker.testsupport;

import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.HeldSteps;
import locker.testsupport.twin.StackInspector;
import locker.twin.server.ReferenceServerSettings;
import locker.twin.server.StepGate;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The embedded stack of one test class whose requests a {@link HeldSteps} gate can hold between two real steps,
 * with a fresh gate for each test and threads for the requests sent while another is held. The sweep's timer is
 * set to an hour, so the sweep runs only when a test runs it:
 * {@code @RegisterExtension static final GatedStack STACK = new GatedStack();}
 */
public final class GatedStack implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** How long a test waits at most for what a request let go (or the sweep) does in the background. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final StackExtension stack = new StackExtension(
            ReferenceServerSettings.defaults().withHoldTtl(60, Duration.ofHours(1)));
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private HeldSteps gate;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        stack.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        stack.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        gate = HeldSteps.installOn(stack.stack().server());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        gate.close(stack.stack().server());
    }

    public EmbeddedStack stack() {
        return stack.stack();
    }

    public ApiClient api() {
        return stack.api();
    }

    public StackInspector inspector() {
        return stack.inspector();
    }

    /** The rows of the contract's five tables. */
    public Map<String, List<String>> contractTables() throws java.sql.SQLException {
        return stack.contractTables();
    }

    /** The current test's gate. */
    public HeldSteps gate() {
        return gate;
    }

    /** The answer of a request the gate held, and what ran meanwhile. */
    public record Interleaved<M>(ApiResponse held, M meanwhile) {}

    /**
     * Sends {@code held} on a thread of its own, waits until the gate holds it at {@code step} (for {@code lockerId}),
     * runs {@code meanwhile}, then lets the held request go and waits for its answer.
     */
    public <M> Interleaved<M> whileHeld(StepGate.Step step, long lockerId, Supplier<ApiResponse> held,
                                        Supplier<M> meanwhile) {
        HeldSteps.Held atStep = gate.hold(step, lockerId);
        CompletableFuture<ApiResponse> answer = async(held);
        atStep.awaitArrival();
        M meanwhileAnswer = meanwhile.get();
        atStep.letGo();
        return new Interleaved<>(answer.join(), meanwhileAnswer);
    }

    /** {@link #whileHeld} where what runs meanwhile (a key running out, a database stopping) answers nothing. */
    public ApiResponse answerHeldWhile(StepGate.Step step, long lockerId, Supplier<ApiResponse> held, Runnable meanwhile) {
        return whileHeld(step, lockerId, held, () -> {
            meanwhile.run();
            return null;
        }).held();
    }

    /** Sends a request on a thread of its own, so that the test can go on while the gate holds it. */
    public <T> CompletableFuture<T> async(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, clients);
    }

    /** Runs {@code task} (the sweep, say) on a thread of its own. */
    public CompletableFuture<Void> runAsync(Runnable task) {
        return CompletableFuture.runAsync(task, clients);
    }
}
