package locker.config;

/** What the reference server benchmark's students send over and over ({@code BENCHMARK_REQUESTS}). */
public enum BenchmarkRequests {
    /** {@code GET /lockers}. */
    LIST,
    /** Hold, confirm and release a locker of one's own: the write path without contention. */
    CYCLE
}
