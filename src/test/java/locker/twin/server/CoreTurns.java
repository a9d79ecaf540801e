package locker.twin.server;

import java.util.concurrent.Semaphore;

/**
 * The deployed server's Go runtime runs at most as many goroutines at once as the machine has cores (GOMAXPROCS); the
 * others wait in the runtime's queue, not in the kernel's. Here a connection's thread takes one of as many turns before
 * it runs the server's code, and gives it back whenever it waits: for its next request or the rest of a body, for Redis,
 * for PostgreSQL, for a pooled connection, for a test's step gate. Without turns, twenty requests sent together were
 * twenty threads ready to run on two cores, and Redis, which needs one of those cores to answer, answered the twin's
 * commands about nine times as late as the deployed server's (docs/deployed-vs-twin.md, eighth measurement).
 * <p>
 * Turns are handed out in the order they are asked for, as the runtime's queue runs goroutines. A thread that holds no
 * turn (Jetty's own, the warm-up's, a test's) waits without giving anything back.
 */
final class CoreTurns {
    private static final ThreadLocal<CoreTurns> HELD = new ThreadLocal<>();

    private final Semaphore turns;

    CoreTurns(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one turn is needed, was " + count);
        }
        turns = new Semaphore(count, true);
    }

    /** The calling thread takes a turn, waiting for one; a thread that has one keeps it. */
    void take() {
        if (HELD.get() == null) {
            turns.acquireUninterruptibly();
            HELD.set(this);
        }
    }

    /** The calling thread gives its turn back, if it has one. */
    static void giveBack() {
        CoreTurns held = HELD.get();
        if (held != null) {
            HELD.remove();
            held.turns.release();
        }
    }

    /** Whether the calling thread has a turn. */
    static boolean held() {
        return HELD.get() != null;
    }

    /** A wait, given a turn back for its length: the thread takes one again after it. */
    static <T, E extends Exception> T waiting(Wait<T, E> wait) throws E {
        CoreTurns held = HELD.get();
        if (held == null) {
            return wait.call();
        }
        giveBack();
        try {
            return wait.call();
        } finally {
            held.take();
        }
    }

    /** {@link #waiting(Wait)} for a wait that gives nothing back and throws nothing checked. */
    static void waitingFor(Runnable wait) {
        waiting(() -> {
            wait.run();
            return null;
        });
    }

    /** Something a thread waits for. */
    @FunctionalInterface
    interface Wait<T, E extends Exception> {
        T call() throws E;
    }
}
