package locker.testsupport.twin;

import locker.twin.server.ReferenceServer;
import locker.twin.server.StepGate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tests' {@link StepGate}: holds the first request (or sweep) that reaches a given step for a given
 * locker until the test lets it go. It only orders the server's real steps; nothing is skipped or faked.
 */
public final class HeldSteps implements StepGate {
    /** How long a held step or a test waiting for one waits at most, so that a broken test ends. */
    private static final long LIMIT_SECONDS = 120;

    private final List<Held> armed = new CopyOnWriteArrayList<>();

    /** Installs a fresh gate on the server; {@link #close} removes it again. */
    public static HeldSteps installOn(ReferenceServer server) {
        HeldSteps steps = new HeldSteps();
        server.installStepGate(steps);
        return steps;
    }

    /** Holds the next arrival at {@code step} for {@code lockerId} (0 for the list). */
    public Held hold(Step step, long lockerId) {
        Held held = new Held(step, lockerId);
        armed.add(held);
        return held;
    }

    @Override
    public void reached(Step step, long lockerId) {
        for (Held held : armed) {
            if (held.step == step && held.lockerId == lockerId && held.taken.compareAndSet(false, true)) {
                held.arrived.countDown();
                await(held.released, "the test to let " + step + " go");
                return;
            }
        }
    }

    /** Lets every held step go and puts the server's open gate back. */
    public void close(ReferenceServer server) {
        armed.forEach(Held::letGo);
        server.installStepGate(null);
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("gave up waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }

    /** One armed step. */
    public static final class Held {
        private final Step step;
        private final long lockerId;
        private final AtomicBoolean taken = new AtomicBoolean();
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Held(Step step, long lockerId) {
            this.step = step;
            this.lockerId = lockerId;
        }

        /** Waits until a request is held here. */
        public void awaitArrival() {
            await(arrived, step + " on locker " + lockerId);
        }

        public void letGo() {
            released.countDown();
        }
    }
}
