package locker.testsupport;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling for what the server does in the background (hold expiry, reconnecting to Redis). */
public final class Waiting {
    private static final Duration PAUSE = Duration.ofMillis(200);

    private Waiting() {}

    /** Asks {@code probe} until its answer satisfies {@code done} and returns that answer; fails after {@code timeout}. */
    public static <T> T until(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + answer + " after " + timeout);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
