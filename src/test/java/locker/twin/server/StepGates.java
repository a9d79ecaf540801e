package locker.twin.server;

/** The server's current {@link StepGate}: {@link StepGate#OPEN} unless a test installs another. */
final class StepGates {
    private volatile StepGate current = StepGate.OPEN;

    StepGate current() {
        return current;
    }

    void install(StepGate gate) {
        current = gate == null ? StepGate.OPEN : gate;
    }
}
