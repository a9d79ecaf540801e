package locker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the processes of a run, split by who used them, read from Linux's
 * {@code /proc}: the JVMs by thread (Gatling's event loops, the reference server's request threads, the
 * garbage collector, the JIT compiler, and the rest), PostgreSQL and Redis. The difference of two readings
 * says where a run's CPU went.
 */
final class ProcessCpu {
    static final String GATLING = "gatling";
    static final String SERVER = "reference server";
    static final String GC = "GC";
    static final String JIT = "JIT";
    static final String OTHER = "other";
    static final String POSTGRES = "PostgreSQL";
    static final String REDIS = "Redis";

    /** Thread name prefixes (as /proc shows them, at most 15 characters) and whose work they do. */
    private static final List<Map.Entry<String, String>> THREADS = List.of(
            Map.entry("gatling", GATLING),
            Map.entry("qtp", SERVER), Map.entry("reference-serv", SERVER), Map.entry("hold-expiry", SERVER),
            Map.entry("commons-pool", SERVER), Map.entry("Connector-Sche", SERVER), Map.entry("Session-HouseKe", SERVER),
            Map.entry("GC Thread", GC), Map.entry("G1 ", GC), Map.entry("VM Thread", GC),
            Map.entry("C1 CompilerThr", JIT), Map.entry("C2 CompilerThr", JIT));
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Java runs on

    private ProcessCpu() {}

    /** True where there is a /proc to read. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

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
            cpu.merge(label + ": " + group.getKey(), group.getValue(), Double::sum);
            named += group.getValue();
        }
        cpu.put(label + ": " + OTHER, Math.max(0, total - named));
        postgresPort.ifPresent(port -> cpu.put(POSTGRES, postgresSeconds(port)));
        try (Stream<ProcessHandle> children = jvm.descendants()) {
            children.filter(child -> child.info().command().orElse("").contains("redis"))
                    .forEach(redis -> cpu.merge(REDIS, processSeconds(redis.pid(), true), Double::sum));
        }
        return cpu;
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
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            threads.forEach(thread -> stat(thread.resolve("stat")).ifPresent(stat -> {
                String group = groupOf(stat.name());
                if (group != null) {
                    groups.merge(group, stat.seconds(false), Double::sum);
                }
            }));
        } catch (IOException e) {
            // the process has ended: nothing to split
        }
        return groups;
    }

    static String groupOf(String threadName) {
        for (Map.Entry<String, String> prefix : THREADS) {
            if (threadName.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }

    private static double processSeconds(long pid, boolean withReapedChildren) {
        return stat(Path.of("/proc", Long.toString(pid), "stat")).map(s -> s.seconds(withReapedChildren)).orElse(0.0);
    }

    /** The fields of a stat file that matter here. */
    record Stat(String name, long userTicks, long systemTicks, long childUserTicks, long childSystemTicks) {
        double seconds(boolean withReapedChildren) {
            long ticks = userTicks + systemTicks + (withReapedChildren ? childUserTicks + childSystemTicks : 0);
            return ticks / TICKS_PER_SECOND;
        }
    }

    /** Parses a /proc stat line: the name sits in parentheses and may hold spaces. */
    static Optional<Stat> parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] fields = line.substring(close + 2).trim().split(" ");
        // after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        return Optional.of(new Stat(line.substring(open + 1, close), Long.parseLong(fields[11]),
                Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14])));
    }

    private static Optional<Stat> stat(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a thread or process that ended meanwhile
        }
    }
}
