package locker.loadtest.capacity;

/** One request as the capacity analysis needs it: when it started, how long it took, Gatling's OK/KO. */
public record TimedRequest(long startMillis, long responseMillis, boolean ok) {}
