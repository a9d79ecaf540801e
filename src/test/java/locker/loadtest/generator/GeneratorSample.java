package locker.loadtest.generator;

import java.util.Map;

/**
 * One second of the load generator's life.
 *
 * @param epochMillis      when the second ended
 * @param allowedCores     cores this process may run on
 * @param generatorCores   CPU the load generator's own threads used, in cores (1.0 = one core all the second)
 * @param allowedBusy      share of the allowed cores' time that any process used, 0..1
 * @param machineBusy      share of all the machine's cores' time that any process used, 0..1
 * @param timerLagMillis   the latest a 50 ms timer of this process woke during the second, beyond its due time
 * @param coresByGroup     CPU of this process's threads by group (generator, server, jvm, other), in cores
 */
public record GeneratorSample(long epochMillis, int allowedCores, double generatorCores, double allowedBusy,
                              double machineBusy, double timerLagMillis, Map<String, Double> coresByGroup) {
    public GeneratorSample {
        coresByGroup = Map.copyOf(coresByGroup);
    }
}
