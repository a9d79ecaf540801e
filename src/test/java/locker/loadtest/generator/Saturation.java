package locker.loadtest.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the load generator counts as saturated: its latency figures then include its own queueing, not only
 * the server's. A one-second sample is saturated when any of these holds:
 * <ul>
 *   <li><b>generator CPU</b>: the generator's own threads (Gatling's, named {@code gatling-*}: its Netty event
 *       loops and its scheduler) used at least {@value #GENERATOR_SHARE_PERCENT} % of the cores this process may
 *       run on (its affinity, so {@code taskset -c 0} means one core);</li>
 *   <li><b>starved</b>: those allowed cores were at least {@value #CORES_BUSY_PERCENT} % busy (any process) while the
 *       generator was itself working, using at least {@value #WORKING_GENERATOR_CORES} of a core: it was
 *       competing for CPU it did not get. A busy machine alone does not count, since a light generator's few
 *       timers are served on time there;</li>
 *   <li><b>timer lag</b>: a 50 ms timer of this JVM woke {@value #LAG_MILLIS} ms or more after it was due (a
 *       scheduler or garbage collector holding the generator's threads back).</li>
 * </ul>
 * The thresholds leave room for a machine busy with other work: there, a light run's generator uses a few
 * hundredths of a core and its timer wakes up to some tens of milliseconds late (measured: 67 ms at worst with
 * both cores fully used by other builds), while a generator starved on one core sees its timer late by
 * hundreds of milliseconds to seconds.
 * The run is saturated when at least {@value #SATURATED_SAMPLES_PERCENT} % of its samples are (so one
 * hiccup does not count).
 */
public final class Saturation {
    public static final double GENERATOR_SHARE_PERCENT = 90;
    public static final double CORES_BUSY_PERCENT = 95;
    public static final double WORKING_GENERATOR_CORES = 0.15;
    public static final double LAG_MILLIS = 200;
    public static final double SATURATED_SAMPLES_PERCENT = 20;

    /** The short definition the results file repeats. */
    public static final String DEFINITION = String.format(Locale.ROOT,
            "a second is saturated when the generator's threads use >= %.0f %% of the cores this process may use, "
                    + "or those cores are >= %.0f %% busy while the generator uses >= %.2f of a core, or a %d ms timer "
                    + "wakes >= %.0f ms late; the run is saturated when >= %.0f %% of its seconds are",
            GENERATOR_SHARE_PERCENT, CORES_BUSY_PERCENT, WORKING_GENERATOR_CORES, GeneratorSampler.TICK_MILLIS, LAG_MILLIS,
            SATURATED_SAMPLES_PERCENT);

    private Saturation() {}

    /** Why {@code sample} is saturated; empty when it is not. */
    public static List<String> reasons(GeneratorSample sample) {
        List<String> reasons = new ArrayList<>();
        if (sample.allowedCores() > 0
                && sample.generatorCores() >= GENERATOR_SHARE_PERCENT / 100 * sample.allowedCores()) {
            reasons.add("generator CPU");
        }
        if (sample.allowedBusy() >= CORES_BUSY_PERCENT / 100 && sample.generatorCores() >= WORKING_GENERATOR_CORES) {
            reasons.add("allowed cores busy");
        }
        if (sample.timerLagMillis() >= LAG_MILLIS) {
            reasons.add("timer lag");
        }
        return reasons;
    }

    /** True when {@code saturatedSamples} of {@code samples} make the run saturated. */
    public static boolean runSaturated(int saturatedSamples, int samples) {
        return samples > 0 && saturatedSamples * 100.0 >= SATURATED_SAMPLES_PERCENT * samples;
    }
}
