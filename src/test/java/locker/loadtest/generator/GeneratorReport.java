package locker.loadtest.generator;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.loadtest.RunFolderFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code generator} section of the results file: how the load generator itself fared, one sample a second
 * ({@link Saturation} defines "saturated").
 *
 * @param samples              seconds sampled
 * @param allowedCores         the cores this process may run on, as the kernel lists them ("0-1")
 * @param allowedCoreCount     how many
 * @param generatorCoresMean   the generator's threads' CPU, in cores, averaged over the samples
 * @param generatorCoresMax    ... and at its highest
 * @param allowedBusyPercent   how busy the allowed cores were (every process), mean percent
 * @param machineBusyPercent   how busy all of the machine's cores were, mean percent
 * @param timerLagMeanMillis   the timer lag, mean of the per-second maxima
 * @param timerLagMaxMillis    ... and the largest
 * @param coresByGroup         this JVM's CPU by thread group, mean cores
 * @param saturatedSamples     samples that were saturated
 * @param saturated            the run was saturated
 * @param firstSaturatedAt     when the first saturated sample ended (null: none)
 * @param reasons              for each reason, how many samples it held in
 * @param policy               GENERATOR_SATURATION: warn or fail
 * @param failsRun             saturated and the policy is fail
 * @param definition           {@link Saturation#DEFINITION}
 * @param sizing               what the run asked of the generator, and what a run of its size needs
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GeneratorReport(int samples, String allowedCores, int allowedCoreCount, double generatorCoresMean,
                              double generatorCoresMax, double allowedBusyPercent, double machineBusyPercent,
                              double timerLagMeanMillis, double timerLagMaxMillis, Map<String, Double> coresByGroup,
                              int saturatedSamples, boolean saturated, String firstSaturatedAt,
                              Map<String, Integer> reasons, String policy, boolean failsRun, String definition,
                              GeneratorSizing sizing) {
    private static final RunFolderFile<GeneratorReport> FILE =
            new RunFolderFile<>("generator.json", GeneratorReport.class);

    /** The report of {@code samples}; {@code failOnSaturation} is GENERATOR_SATURATION=fail. */
    public static GeneratorReport of(List<GeneratorSample> samples, String allowedCores, int allowedCoreCount,
                                     boolean failOnSaturation, long[] requestEndMillis) {
        int saturatedSamples = 0;
        Long firstSaturated = null;
        Map<String, Integer> reasons = new LinkedHashMap<>();
        Map<String, Double> groups = new TreeMap<>();
        double generatorSum = 0, generatorMax = 0, allowedSum = 0, machineSum = 0, lagSum = 0, lagMax = 0;
        for (GeneratorSample sample : samples) {
            List<String> why = Saturation.reasons(sample);
            if (!why.isEmpty()) {
                saturatedSamples++;
                firstSaturated = firstSaturated == null ? sample.epochMillis() : firstSaturated;
                why.forEach(reason -> reasons.merge(reason, 1, Integer::sum));
            }
            generatorSum += sample.generatorCores();
            generatorMax = Math.max(generatorMax, sample.generatorCores());
            allowedSum += sample.allowedBusy();
            machineSum += sample.machineBusy();
            lagSum += sample.timerLagMillis();
            lagMax = Math.max(lagMax, sample.timerLagMillis());
            sample.coresByGroup().forEach((group, cores) -> groups.merge(group, cores, Double::sum));
        }
        int n = Math.max(1, samples.size());
        groups.replaceAll((group, sum) -> round(sum / n));
        boolean saturated = Saturation.runSaturated(saturatedSamples, samples.size());
        return new GeneratorReport(samples.size(), allowedCores, allowedCoreCount, round(generatorSum / n),
                round(generatorMax), round(allowedSum * 100 / n), round(machineSum * 100 / n), round(lagSum / n),
                round(lagMax), groups, saturatedSamples, saturated,
                firstSaturated == null ? null : Instant.ofEpochMilli(firstSaturated).toString(), reasons,
                failOnSaturation ? "fail" : "warn", saturated && failOnSaturation, Saturation.DEFINITION,
                GeneratorSizing.of(samples, requestEndMillis, allowedCoreCount, saturated));
    }

    /** The plain console line of a saturated run; empty when it was not. */
    public Optional<String> warning() {
        if (!saturated) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        reasons.forEach((reason, count) -> why.add(reason + " in " + count + " s"));
        return Optional.of(String.format(java.util.Locale.ROOT,
                "WARNING: the load generator was saturated in %d of %d seconds from %s (%s; its threads used %.2f of "
                        + "%d allowed cores at most, timer lag up to %.0f ms): latency figures include the generator's "
                        + "own queueing%s. %s",
                saturatedSamples, samples, firstSaturatedAt, String.join(", ", why), generatorCoresMax,
                allowedCoreCount, timerLagMaxMillis, failsRun ? "; GENERATOR_SATURATION=fail fails this run" : "",
                sizing == null ? "" : "It spent " + sizing.describe()));
    }

    public void writeTo(Path runDirectory) {
        FILE.write(runDirectory, this);
    }

    public static Optional<GeneratorReport> readFrom(Path runDirectory) {
        return FILE.read(runDirectory);
    }

    /** A figure of the generator's self-check, to three decimals. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
