package locker.config;

/**
 * One load generator of several (SHARD_INDEX of SHARD_COUNT): it runs its own slice of the test students, while every
 * generator's students compete for the same lockers. A run without the settings is shard 0 of 1: everything.
 * The slices are contiguous and differ in size by at most one, so together they are exactly the whole.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " does not exist");
        }
    }

    /** The position of this shard's first item among {@code total} (students, slots). */
    public int offset(int total) {
        return (int) ((long) index * total / count);
    }

    /** How many of {@code total} items this shard takes. */
    public int size(int total) {
        return (int) ((long) (index + 1) * total / count) - offset(total);
    }

    /** This shard's slice of {@code all}. */
    public <T> java.util.List<T> slice(java.util.List<T> all) {
        return all.subList(offset(all.size()), offset(all.size()) + size(all.size()));
    }

    /** This shard's part of a rate (students per second), shared evenly. */
    public double share(double rate) {
        return rate / count;
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return "shard " + index + " of " + count;
    }
}
