package locker.loadtest.generator;

import java.util.List;

/**
 * Whose work a JVM thread does, told by its name as /proc shows it (at most 15 characters): the load generator's
 * event loops, the embedded reference stack's server, the JVM's garbage collector or JIT compiler, or anything else.
 */
public enum ThreadKind {
    GENERATOR("gatling"),
    SERVER("qtp", "reference-serv", "hold-expiry", "commons-pool", "Connector-Sche", "Session-HouseKe", "HikariPool",
            "Jetty", "JettyServerThr"),
    GC("GC Thread", "G1 ", "VM Thread", "ParGC", "VM Periodic"),
    JIT("C1 CompilerThr", "C2 CompilerThr"),
    OTHER;

    private final List<String> prefixes;

    ThreadKind(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    public static ThreadKind of(String threadName) {
        for (ThreadKind kind : values()) {
            if (kind.prefixes.stream().anyMatch(threadName::startsWith)) {
                return kind;
            }
        }
        return OTHER;
    }
}
