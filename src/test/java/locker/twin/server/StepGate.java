package locker.twin.server;

/**
 * A point between two steps of a request or of the sweep that are not atomic in the deployed server. The
 * server passes through {@link #OPEN}, which does nothing; a test installs a gate of its own to hold one
 * request at a step while another runs, and so orders real steps the way a race sometimes orders them.
 */
@FunctionalInterface
public interface StepGate {
    StepGate OPEN = (step, lockerId) -> {};

    /** Called when a request or the sweep reaches {@code step} for {@code lockerId} (0 for the list). */
    void reached(Step step, long lockerId);

    enum Step {
        /** Hold clean-up: {@code EXISTS} found no key, the {@code UPDATE ... 'expired'} comes next. */
        HOLD_CLEANUP_FOUND_NO_KEY,
        /** Hold: clean-up done and serial checked, {@code SET NX EX} comes next. */
        HOLD_BEFORE_SETNX,
        /** Hold: {@code SET NX} succeeded, the {@code INSERT} comes next. */
        HOLD_BEFORE_INSERT,
        /** Hold: the row is inserted, the {@code SELECT} of the locker comes next. */
        HOLD_BEFORE_SELECT,
        /** Confirm: the transaction is open, its first {@code UPDATE} comes next. */
        CONFIRM_BEFORE_UPDATES,
        /** Confirm: the assignment row is updated and locked, the {@code locker_info} update comes next. */
        CONFIRM_BETWEEN_UPDATES,
        /** Release: committed, the {@code DEL} of the hold key comes next. */
        RELEASE_BEFORE_DEL,
        /** Release-hold: the row is deleted, the {@code DEL} of the hold key comes next. */
        RELEASE_HOLD_BEFORE_DEL,
        /** List: the lockers are read, the count comes next. */
        LIST_BEFORE_COUNT,
        /** Sweep: {@code EXISTS} found no key for a 'hold' row, the {@code UPDATE ... 'expired'} comes next. */
        SWEEP_FOUND_NO_KEY
    }
}
