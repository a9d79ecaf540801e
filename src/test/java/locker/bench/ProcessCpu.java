package locker.bench;

import locker.loadtest.generator.ProcReadings;
import locker.loadtest.generator.ThreadKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the processes of a run, split by who used them, read from Linux's
 * {@code /proc}: the JVMs by thread (Gatling's event loops, the reference server's connection threads, the
 * garbage collector, the JIT compiler, and the rest), PostgreSQL and Redis. The difference of two readings
 * says where a run's CPU went.
 */
final class ProcessCpu {
    /** The label of the load generator's JVM, whose thread groups' keys read {@code load JVM: gatling}. */
    static final String LOAD_JVM = "load JVM";
    static final String GATLING = "gatling";
    static final String SERVER = "reference server";
    static final String GC = "GC";
    static final String JIT = "JIT";
    static final String OTHER = "other";
    static final String POSTGRES = "PostgreSQL";
    static final String REDIS = "Redis";

    private ProcessCpu() {}

    /**
     * CPU seconds of {@code jvm} by thread group, the keys prefixed with {@code label} ("load JVM: gatling"),
     * and, when a port is given, of the PostgreSQL server on that port (its postmaster was started by pg_ctl,
     * so it is nobody's child) and of its Redis child process.
     */
    static Map<String, Double> read(String label, ProcessHandle jvm, OptionalInt postgresPort) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        double total = processSeconds(jvm.pid(), false);
        double named = 0;
        for (Map.Entry<String, Double> group : threadGroups(jvm.pid()).entrySet()) {
            cpu.merge(groupKeyPrefix(label) + group.getKey(), group.getValue(), Double::sum);
            named += group.getValue();
        }
        cpu.put(groupKeyPrefix(label) + OTHER, Math.max(0, total - named));
        postgresPort.ifPresent(port -> cpu.put(POSTGRES, postgresSeconds(port)));
        try (Stream<ProcessHandle> children = jvm.descendants()) {
            children.filter(child -> child.info().command().orElse("").contains("redis"))
                    .forEach(redis -> cpu.merge(REDIS, processSeconds(redis.pid(), true), Double::sum));
        }
        return cpu;
    }

    /** How the keys of {@code label}'s thread groups begin. */
    static String groupKeyPrefix(String label) {
        return label + ": ";
    }

    /** The postmaster listening on {@code port} (with its ended backends) and its live backends. */
    private static double postgresSeconds(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().command().orElse("").endsWith("/postgres")
                            && List.of(p.info().arguments().orElse(new String[0])).contains(Integer.toString(port)))
                    .mapToDouble(postmaster -> processSeconds(postmaster.pid(), true)
                            + postmaster.children().mapToDouble(backend -> processSeconds(backend.pid(), false)).sum())
                    .sum();
        }
    }

    /** {@code after - before}, key by key; a key missing before counts from zero. */
    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((key, seconds) -> used.put(key, Math.max(0, seconds - before.getOrDefault(key, 0.0))));
        return used;
    }

    private static Map<String, Double> threadGroups(long pid) {
        Map<String, Double> groups = new LinkedHashMap<>();
        ProcReadings.threadStats(Long.toString(pid)).values().forEach(stat -> {
            String group = groupOf(stat.name());
            if (group != null) {
                groups.merge(group, stat.seconds(false), Double::sum);
            }
        });
        return groups;
    }

    /** The group a thread's CPU counts for; null for the rest, which counts as {@link #OTHER}. */
    static String groupOf(String threadName) {
        return switch (ThreadKind.of(threadName)) {
            case GENERATOR -> GATLING;
            case SERVER -> SERVER;
            case GC -> GC;
            case JIT -> JIT;
            case OTHER -> null;
        };
    }

    private static double processSeconds(long pid, boolean withReapedChildren) {
        return ProcReadings.processStat(pid).map(stat -> stat.seconds(withReapedChildren)).orElse(0.0);
    }
}
