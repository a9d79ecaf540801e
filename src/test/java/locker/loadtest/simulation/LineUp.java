package locker.loadtest.simulation;

import io.gatling.javaapi.core.ChainBuilder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;

/**
 * Students who wait for each other: each one that reaches {@link #waitForAll()} waits until all
 * {@code expected} are there, then all go on at once. After {@value #MOST_TO_WAIT_SECONDS} s they go on
 * anyway (one may have failed on the way).
 */
final class LineUp {
    private static final long MOST_TO_WAIT_SECONDS = 30;

    private final AtomicInteger arrived = new AtomicInteger();
    private final int expected;

    LineUp(int expected) {
        this.expected = expected;
    }

    ChainBuilder waitForAll() {
        return exec(session -> {
            arrived.incrementAndGet();
            return session;
        }).asLongAsDuring(session -> arrived.get() < expected, Duration.ofSeconds(MOST_TO_WAIT_SECONDS))
                .on(pause(Duration.ofMillis(5)));
    }
}
