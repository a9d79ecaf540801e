package locker.testdata;

/** Called at the points a crash test kills the process: just before the seed and the restore commit. */
@FunctionalInterface
public interface PhaseHook {
    PhaseHook NONE = phase -> {};

    void reached(String phase);
}
