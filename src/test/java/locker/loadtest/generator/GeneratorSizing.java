package locker.loadtest.generator;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Locale;

/**
 * What a run asked of its load generator: the CPU its own threads spent per request, the run's busiest second, and the
 * cores and generators a run of this size and arrival rate needs at that cost, each generator kept below the
 * saturation threshold ({@link Saturation#GENERATOR_SHARE_PERCENT} % of its cores). A saturated generator held its
 * busiest second down, so for a saturated run the figures are a floor ("at least").
 *
 * @param requests              requests answered (or timed out) during the run
 * @param cpuMillisPerRequest   the generator threads' CPU time per request
 * @param peakRequestsPerSecond requests ending in the run's busiest second
 * @param coresNeeded           cores the busiest second needs at that cost, below the threshold
 * @param generatorsNeeded      generators of this one's allowed cores that give those cores (SHARD_COUNT)
 * @param floor                 the run was saturated: it needed at least this much
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GeneratorSizing(long requests, double cpuMillisPerRequest, long peakRequestsPerSecond, double coresNeeded,
                              int generatorsNeeded, boolean floor) {

    static GeneratorSizing of(List<GeneratorSample> samples, long[] requestEndMillis, int allowedCores,
                              boolean saturated) {
        double cpuSeconds = samples.stream().mapToDouble(GeneratorSample::generatorCores).sum();
        long requests = requestEndMillis.length;
        double cpuPerRequest = requests == 0 ? 0 : cpuSeconds / requests;
        long peak = peakPerSecond(requestEndMillis);
        double cores = cpuPerRequest * peak / (Saturation.GENERATOR_SHARE_PERCENT / 100);
        int generators = Math.max(saturated ? 2 : 1, (int) Math.ceil(cores / Math.max(1, allowedCores)));
        return new GeneratorSizing(requests, GeneratorReport.round(cpuPerRequest * 1000), peak,
                GeneratorReport.round(cores), generators, saturated);
    }

    /** One line for the console and the report. */
    public String describe() {
        return String.format(Locale.ROOT, "%.3f ms of generator CPU per request; the busiest second had %d requests, which"
                        + " needs %s%.2f cores: %s%d generator(s) of this size (SHARD_COUNT)", cpuMillisPerRequest,
                peakRequestsPerSecond, floor ? "at least " : "", coresNeeded, floor ? "at least " : "", generatorsNeeded);
    }

    private static long peakPerSecond(long[] endMillis) {
        long[] sorted = endMillis.clone();
        java.util.Arrays.sort(sorted);
        long peak = 0;
        int first = 0;
        for (int last = 0; last < sorted.length; last++) {
            while (sorted[last] - sorted[first] >= 1000) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
