package locker.testsupport.twin;

import java.util.concurrent.atomic.AtomicInteger;

/** A login identity for the tests; {@link #next()} never hands out the same student twice in one run. */
public record Student(String studentId, String name, String phoneNumber) {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public static Student next() {
        int n = COUNTER.incrementAndGet();
        return new Student(Long.toString(2_031_000_000L + n), "학생" + n, String.format("010%08d", n));
    }
}
