package locker.loadtest.results;

/** One database invariant checked after a run: {@code violations} rows break it, {@code detail} says which. */
public record InvariantResult(String name, String description, boolean passed, long violations, String detail) {}
