package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.config.LoadTestConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The goals each capacity level is judged by: those of the standard assertions. A closed model's
 * throughput follows its number of students (each thinks between requests), so MIN_THROUGHPUT is judged only
 * at levels of at least {@code minStableConcurrency} students, the levels the original load test's goal is about;
 * smaller levels are steps on the way whose few students could not reach it on any server. A goal is broken exactly
 * when the standard assertion would fail: mean or p95 not below its maximum, success rate or throughput not
 * above its minimum.
 *
 * @param maxMeanMillis        MAX_MEAN_RESPONSE_TIME
 * @param maxP95Millis         MAX_P95_RESPONSE_TIME
 * @param minSuccessRate       MIN_SUCCESS_RATE, percent
 * @param minThroughput        MIN_THROUGHPUT, requests per second
 * @param minStableConcurrency MIN_STABLE_CONCURRENCY: the run fails when the largest level meeting every goal is smaller
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CapacityGoals(long maxMeanMillis, long maxP95Millis, double minSuccessRate, double minThroughput,
                            int minStableConcurrency) {
    public static final String MEAN = "MAX_MEAN_RESPONSE_TIME";
    public static final String P95 = "MAX_P95_RESPONSE_TIME";
    public static final String SUCCESS = "MIN_SUCCESS_RATE";
    public static final String THROUGHPUT = "MIN_THROUGHPUT";

    public static CapacityGoals of(LoadTestConfig config) {
        return new CapacityGoals(config.maxMeanResponseTime.toMillis(), config.maxP95ResponseTime.toMillis(),
                config.minSuccessRate, config.minThroughput, config.minStableConcurrency);
    }

    /** The goals a level with these figures breaks, each with its figure, e.g. "MAX_P95_RESPONSE_TIME (p95 812 ms >= 500 ms)". */
    public List<String> broken(int students, long requests, double meanMillis, long p95Millis, double successRate,
                               double throughput) {
        List<String> broken = new ArrayList<>();
        if (requests == 0) {
            broken.add(SUCCESS + " (no request was answered)");
            return broken;
        }
        if (meanMillis >= maxMeanMillis) {
            broken.add(String.format(Locale.ROOT, "%s (mean %.0f ms >= %d ms)", MEAN, meanMillis, maxMeanMillis));
        }
        if (p95Millis >= maxP95Millis) {
            broken.add(String.format(Locale.ROOT, "%s (p95 %d ms >= %d ms)", P95, p95Millis, maxP95Millis));
        }
        if (successRate <= minSuccessRate) {
            broken.add(String.format(Locale.ROOT, "%s (success %.2f %% <= %s %%)", SUCCESS, successRate,
                    number(minSuccessRate)));
        }
        if (students >= minStableConcurrency && throughput <= minThroughput) {
            broken.add(String.format(Locale.ROOT, "%s (%.1f req/s <= %s req/s)", THROUGHPUT, throughput,
                    number(minThroughput)));
        }
        return broken;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
