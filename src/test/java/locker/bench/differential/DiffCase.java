package locker.bench.differential;

/**
 * One case of the comparison: the same steps, sent to each target after the same reset.
 *
 * @param client      whether a locker client using a normal HTTP library can meet it (false: only a hand-made request,
 *                    a forged token or a browser-impossible header can)
 * @param needsSecret whether it forges tokens, and so needs both targets' signing keys
 */
record DiffCase(String name, CaseKind kind, boolean client, boolean needsSecret, Script script) {

    interface Script {
        void run(CaseRun run);
    }

    static DiffCase client(CaseKind kind, String name, Script script) {
        return new DiffCase(name, kind, true, false, script);
    }

    static DiffCase handMade(CaseKind kind, String name, Script script) {
        return new DiffCase(name, kind, false, false, script);
    }

    static DiffCase forged(CaseKind kind, String name, boolean client, Script script) {
        return new DiffCase(name, kind, client, true, script);
    }
}
