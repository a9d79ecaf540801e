package locker.bench;

import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.results.RunResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load generator costs, from a run against a server that costs almost nothing: the CPU of the Gatling
 * JVM while the simulation ran, per request and by thread group.
 *
 * @param requests              requests the run sent
 * @param cpuSeconds            CPU seconds of the load JVM between Gatling's "started" and "completed" lines
 * @param cpuMillisPerRequest   cpuSeconds * 1000 / requests
 * @param requestsPerCoreSecond requests / cpuSeconds: what one core fully given to the generator would send
 * @param percentByGroup        the share of cpuSeconds of each thread group (gatling, GC, JIT, other), percent
 */
record CeilingFigures(long requests, double cpuSeconds, double cpuMillisPerRequest, double requestsPerCoreSecond,
                      Map<String, Double> percentByGroup) {
    private static final String LOAD_JVM = ProcessCpu.groupKeyPrefix(ProcessCpu.LOAD_JVM);
    private static final Pattern REQUEST_COUNT = Pattern.compile("> request count\\s+\\|\\s+([\\d,]+)");

    /** The figures of {@code requests} given the run's CPU readings ({@link GatlingRun.Result#cpuDuringRun()}). */
    static CeilingFigures of(long requests, Map<String, Double> cpuDuringRun) {
        if (requests <= 0) {
            throw new IllegalArgumentException("a run without requests has no cost per request");
        }
        Map<String, Double> groups = new LinkedHashMap<>();
        cpuDuringRun.forEach((key, seconds) -> {
            if (key.startsWith(LOAD_JVM)) {
                groups.merge(key.substring(LOAD_JVM.length()), seconds, Double::sum);
            }
        });
        double cpu = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        if (cpu <= 0) {
            throw new IllegalArgumentException("no CPU reading of the load JVM (is /proc readable?)");
        }
        Map<String, Double> percent = new LinkedHashMap<>();
        groups.forEach((group, seconds) -> percent.put(group, seconds * 100 / cpu));
        return new CeilingFigures(requests, cpu, cpu * 1000 / requests, requests / cpu, percent);
    }

    /**
     * The requests of a run by Gatling's own count, the last {@code > request count} line of its console output
     * (for a simulation that writes no results file).
     */
    static long requestsInLog(Path log) {
        try {
            Matcher count = REQUEST_COUNT.matcher(Files.readString(log));
            long last = -1;
            while (count.find()) {
                last = Long.parseLong(count.group(1).replace(",", ""));
            }
            if (last < 0) {
                throw new IllegalArgumentException("no request count in " + log);
            }
            return last;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + log + ": " + e.getMessage(), e);
        }
    }

    /**
     * The {@code generator} section of a results file ({@link GeneratorReport}), as far as the rows use it.
     *
     * @param saturated        the run's own verdict
     * @param saturatedSamples seconds that were saturated
     * @param samples          seconds sampled
     * @param coresMean        the generator's threads' CPU, in cores, averaged
     * @param timerLagMaxMillis the largest timer lag
     */
    record Generator(boolean saturated, int saturatedSamples, int samples, double coresMean, double timerLagMaxMillis) {
        /** Empty when the results have no {@code generator} section. */
        static Optional<Generator> of(RunResults results) {
            return Optional.ofNullable(results.generator()).map(generator -> new Generator(generator.saturated(),
                    generator.saturatedSamples(), generator.samples(), generator.generatorCoresMean(),
                    generator.timerLagMaxMillis()));
        }

        /** Empty when the file cannot be read or has no {@code generator} section. */
        static Optional<Generator> read(Path resultsFile) {
            try {
                return of(RunResults.read(resultsFile));
            } catch (UncheckedIOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        String describe() {
            return (saturated ? "saturated" : "not saturated") + " (" + saturatedSamples + " of " + samples
                    + " s; generator " + BenchmarkReport.number(coresMean, 2) + " cores mean, timer lag max "
                    + BenchmarkReport.number(timerLagMaxMillis, 0) + " ms)";
        }
    }
}
