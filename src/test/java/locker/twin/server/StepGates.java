package locker.twin.server;

/** The server's current {@link StepGate}: {@link StepGate#OPEN} unless a test installs another. */
final class StepGates {
    private volatile StepGate current = StepGate.OPEN;

    StepGate current() {
        return current;
    }

    /** A thread held at a step gives its turn back for the wait ({@link CoreTurns}), as it does for any other wait. */
    void install(StepGate gate) {
        current = gate == null ? StepGate.OPEN
                : (step, lockerId) -> CoreTurns.waitingFor(() -> gate.reached(step, lockerId));
    }
}
