package locker.loadtest.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** What Linux's /proc says about processes, their threads and the machine's cores; pure parsers plus readers. */
public final class ProcReadings {
    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux architecture Java runs on). */
    static final double TICKS_PER_SECOND = 100;

    private ProcReadings() {}

    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat")) && Files.isReadable(Path.of("/proc/stat"));
    }

    /** Busy and total ticks of one line of /proc/stat ("cpu" for the machine, "cpu3" for one core). */
    record CoreTicks(long busy, long total) {
        CoreTicks minus(CoreTicks earlier) {
            return new CoreTicks(busy - earlier.busy, total - earlier.total);
        }
    }

    /** The cores of a "Cpus_allowed_list" value such as {@code 0-3,8,10-11}. */
    static BitSet parseCpuList(String list) {
        BitSet cores = new BitSet();
        for (String part : list.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            cores.set(from, to + 1);
        }
        return cores;
    }

    /** The cores this process may run on (its scheduler affinity, so {@code taskset -c 0} is seen). */
    static BitSet allowedCores() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("Cpus_allowed_list:")).findFirst()
                    .map(line -> parseCpuList(line.substring(line.indexOf(':') + 1)))
                    .orElseGet(ProcReadings::everyCore);
        } catch (IOException | RuntimeException e) {
            return everyCore();
        }
    }

    private static BitSet everyCore() {
        BitSet cores = new BitSet();
        cores.set(0, Runtime.getRuntime().availableProcessors());
        return cores;
    }

    /** The lines of /proc/stat by name: "cpu" is the machine, "cpuN" core N. Busy is everything but idle and iowait. */
    static Map<String, CoreTicks> parseProcStat(List<String> lines) {
        Map<String, CoreTicks> cores = new HashMap<>();
        for (String line : lines) {
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal (guest times are already within user and nice)
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            cores.put(fields[0], new CoreTicks(total - idle, total));
        }
        return cores;
    }

    static Map<String, CoreTicks> readProcStat() {
        try {
            return parseProcStat(Files.readAllLines(Path.of("/proc/stat")));
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** The fields of a process's or thread's stat file that matter here. */
    public record TaskStat(String name, long userTicks, long systemTicks, long childUserTicks, long childSystemTicks) {
        long ticks() {
            return userTicks + systemTicks;
        }

        /** CPU seconds used, with those of its ended and reaped children if asked. */
        public double seconds(boolean withReapedChildren) {
            return (ticks() + (withReapedChildren ? childUserTicks + childSystemTicks : 0)) / TICKS_PER_SECOND;
        }

        /** Parses a stat line: the name sits in parentheses and may hold spaces. */
        public static Optional<TaskStat> parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                return Optional.empty();
            }
            String[] fields = line.substring(close + 2).trim().split(" ");
            // after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            return Optional.of(new TaskStat(line.substring(open + 1, close), Long.parseLong(fields[11]),
                    Long.parseLong(fields[12]), Long.parseLong(fields[13]), Long.parseLong(fields[14])));
        }
    }

    /** The stat of process {@code pid}, empty if it has ended. */
    public static Optional<TaskStat> processStat(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The stats of the live threads of {@code process} ("self" or a pid), by thread id. */
    public static Map<String, TaskStat> threadStats(String process) {
        Map<String, TaskStat> stats = new HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc", process, "task"))) {
            threads.forEach(thread -> read(thread.resolve("stat"))
                    .ifPresent(stat -> stats.put(thread.getFileName().toString(), stat)));
        } catch (IOException e) {
            return Map.of(); // the process has ended
        }
        return stats;
    }

    /** CPU ticks of this process's live threads, summed by {@code group} of the thread name, keyed by thread id. */
    static Map<String, Long> threadTicks(Function<String, String> group) {
        Map<String, Long> ticks = new HashMap<>();
        threadStats("self").forEach((thread, stat) -> ticks.put(group.apply(stat.name()) + "\u0000" + thread, stat.ticks()));
        return ticks;
    }

    private static Optional<TaskStat> read(Path statFile) {
        try {
            return TaskStat.parse(Files.readString(statFile));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a thread or process that ended meanwhile
        }
    }
}
