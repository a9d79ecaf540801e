package locker.loadtest.results;

import locker.config.LoadTestConfig;
import locker.config.Profile;
import locker.config.Setting;
import locker.config.Settings;
import locker.loadtest.results.RunResults.AssertionResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The original load test's performance goals of a run, from its settings as the results record them
 * ({@link LoadTestConfig#describe()}).
 * A run declares them to Gatling as assertions; the runs of several load generators are judged on them together
 * ({@link #judge}), with the texts Gatling gives its assertions.
 *
 * @param minThroughput requests per second over the run; empty for a profile without a throughput goal
 *                      ({@link Profile#hasThroughputGoal()})
 */
public record PerformanceGoals(double maxMeanMillis, double maxP95Millis, double minSuccessPercent,
                               Optional<Double> minThroughput) {

    public static PerformanceGoals of(LoadTestConfig config) {
        return of(config.describe());
    }

    /** The goals in a results file's settings; a file without them is refused by name. */
    public static PerformanceGoals of(Map<String, Object> settings) {
        Object recorded = settings.get(Settings.PROFILE.key());
        boolean throughputGoal = Arrays.stream(Profile.values())
                .anyMatch(profile -> profile.hasThroughputGoal() && Settings.PROFILE.rule().shown(profile).equals(recorded));
        return new PerformanceGoals(number(settings, Settings.MAX_MEAN_RESPONSE_TIME) * 1000,
                number(settings, Settings.MAX_P95_RESPONSE_TIME) * 1000, number(settings, Settings.MIN_SUCCESS_RATE),
                throughputGoal ? Optional.of(number(settings, Settings.MIN_THROUGHPUT)) : Optional.empty());
    }

    /** Each goal judged on the figures of a whole run (times in ms, success in percent). */
    public List<AssertionResult> judge(double meanMillis, double p95Millis, double successPercent, double throughput) {
        List<AssertionResult> results = new ArrayList<>();
        results.add(new AssertionResult("Global: mean of response time is less than " + text(maxMeanMillis),
                meanMillis < maxMeanMillis, meanMillis));
        results.add(new AssertionResult("Global: 95th percentile of response time is less than " + text(maxP95Millis),
                p95Millis < maxP95Millis, p95Millis));
        results.add(new AssertionResult("Global: percentage of successful events is greater than "
                + text(minSuccessPercent), successPercent > minSuccessPercent, successPercent));
        minThroughput.ifPresent(min -> results.add(new AssertionResult(
                "Global: mean requests per second is greater than " + text(min), throughput > min, throughput)));
        return results;
    }

    private static double number(Map<String, Object> settings, Setting<?> setting) {
        if (!(settings.get(setting.key()) instanceof Number number)) {
            throw new IllegalArgumentException("the settings have no " + setting.key() + ": written by an older version");
        }
        return number.doubleValue();
    }

    private static String text(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
