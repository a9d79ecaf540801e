package locker.loadtest.generator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the load generator from its own thread: a 50 ms timer whose lateness is the scheduling lag, and
 * once a second a {@link GeneratorSample} of this process's threads' CPU by group (from /proc/self/task),
 * the machine's and the allowed cores' CPU (/proc/stat) and the second's worst lag. Nothing per request.
 * Where there is no /proc, only the lag is measured.
 */
public final class GeneratorSampler implements AutoCloseable {
    public static final String GENERATOR = "generator";
    public static final String SERVER = "server";
    public static final String JVM = "jvm";
    public static final String OTHER = "other";

    /** The timer whose lateness tells a busy generator. */
    static final long TICK_MILLIS = 50;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    private static final int TICKS_PER_SAMPLE = 20;

    private final BitSet allowed = ProcReadings.allowedCores();
    private final boolean proc = ProcReadings.available();
    private final List<GeneratorSample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private GeneratorSampler() {
        thread = new Thread(this::loop, "generator-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public static GeneratorSampler start() {
        return new GeneratorSampler();
    }

    /**
     * Stops sampling and reports; {@code failOnSaturation} is GENERATOR_SATURATION=fail, {@code requestEndMillis} when
     * each of the run's requests ended.
     */
    public GeneratorReport stop(boolean failOnSaturation, long[] requestEndMillis) {
        close();
        synchronized (samples) {
            return GeneratorReport.of(samples, allowedList(allowed), allowed.cardinality(), failOnSaturation,
                    requestEndMillis);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The group a thread's CPU counts for, by its name. */
    static String groupOf(String threadName) {
        return switch (ThreadKind.of(threadName)) {
            case GENERATOR -> GENERATOR;
            case SERVER -> SERVER;
            case GC, JIT -> JVM;
            case OTHER -> OTHER;
        };
    }

    private void loop() {
        Map<String, Long> threadsBefore = proc ? ProcReadings.threadTicks(GeneratorSampler::groupOf) : Map.of();
        Map<String, ProcReadings.CoreTicks> coresBefore = proc ? ProcReadings.readProcStat() : Map.of();
        long secondStarted = System.nanoTime();
        long due = secondStarted + TICK_NANOS;
        double worstLag = 0;
        int ticks = 0;
        while (running) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                if (!running) {
                    return;
                }
                if (System.nanoTime() < due) {
                    continue; // woken early (spurious or interrupt): wait for the due time
                }
            }
            long now = System.nanoTime();
            worstLag = Math.max(worstLag, (now - due) / 1e6);
            due += TICK_NANOS;
            if (due < now) {
                due = now + TICK_NANOS; // a long stall: count it once, do not fire the missed ticks in a burst
            }
            if (++ticks < TICKS_PER_SAMPLE) {
                continue;
            }
            double seconds = (now - secondStarted) / 1e9;
            Map<String, Long> threadsNow = proc ? ProcReadings.threadTicks(GeneratorSampler::groupOf) : Map.of();
            Map<String, ProcReadings.CoreTicks> coresNow = proc ? ProcReadings.readProcStat() : Map.of();
            add(sample(seconds, threadsBefore, threadsNow, coresBefore, coresNow, worstLag));
            threadsBefore = threadsNow;
            coresBefore = coresNow;
            secondStarted = now;
            worstLag = 0;
            ticks = 0;
        }
    }

    private GeneratorSample sample(double seconds, Map<String, Long> threadsBefore, Map<String, Long> threadsNow,
                                   Map<String, ProcReadings.CoreTicks> coresBefore,
                                   Map<String, ProcReadings.CoreTicks> coresNow, double lagMillis) {
        Map<String, Double> groups = new HashMap<>();
        threadsNow.forEach((key, ticks) -> {
            String group = key.substring(0, key.indexOf('\u0000'));
            long used = Math.max(0, ticks - threadsBefore.getOrDefault(key, 0L));
            groups.merge(group, used / ProcReadings.TICKS_PER_SECOND / seconds, Double::sum);
        });
        long allowedBusy = 0, allowedTotal = 0;
        for (int core = allowed.nextSetBit(0); core >= 0; core = allowed.nextSetBit(core + 1)) {
            ProcReadings.CoreTicks now = coresNow.get("cpu" + core);
            ProcReadings.CoreTicks before = coresBefore.get("cpu" + core);
            if (now != null && before != null) {
                ProcReadings.CoreTicks used = now.minus(before);
                allowedBusy += used.busy();
                allowedTotal += used.total();
            }
        }
        ProcReadings.CoreTicks machineNow = coresNow.get("cpu");
        ProcReadings.CoreTicks machineBefore = coresBefore.get("cpu");
        double machine = 0;
        if (machineNow != null && machineBefore != null) {
            ProcReadings.CoreTicks used = machineNow.minus(machineBefore);
            machine = used.total() == 0 ? 0 : (double) used.busy() / used.total();
        }
        return new GeneratorSample(System.currentTimeMillis(), allowed.cardinality(),
                groups.getOrDefault(GENERATOR, 0.0), allowedTotal == 0 ? 0 : (double) allowedBusy / allowedTotal,
                machine, lagMillis, groups);
    }

    private void add(GeneratorSample sample) {
        synchronized (samples) {
            samples.add(sample);
        }
    }

    static String allowedList(BitSet cores) {
        StringBuilder list = new StringBuilder();
        for (int from = cores.nextSetBit(0); from >= 0; ) {
            int to = cores.nextClearBit(from) - 1;
            list.append(list.isEmpty() ? "" : ",").append(from).append(from == to ? "" : "-" + to);
            from = cores.nextSetBit(to + 1);
        }
        return list.toString();
    }
}
