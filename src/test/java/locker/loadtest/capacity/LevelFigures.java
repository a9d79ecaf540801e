package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One capacity level's figures, from the requests that started while it ran.
 *
 * @param requestsPerSecond requests started per second of the level
 * @param successRate       percent of requests Gatling counted OK
 * @param outcomes          the journey outcomes counted while the level ran
 * @param brokenGoals       the goals the level broke, each with its figure; empty when it met every goal
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LevelFigures(int students, double seconds, long requests, long failedRequests, double requestsPerSecond,
                           double meanMillis, long p95Millis, long p99Millis, double successRate,
                           Map<String, Long> outcomes, List<String> brokenGoals) {
    public LevelFigures {
        outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        brokenGoals = List.copyOf(brokenGoals);
    }

    /** The figures of {@code requests} over a level of {@code students} that ran {@code seconds}, judged by {@code goals}. */
    public static LevelFigures of(int students, double seconds, List<TimedRequest> requests, Map<String, Long> outcomes,
                                  CapacityGoals goals) {
        long[] times = requests.stream().mapToLong(TimedRequest::responseMillis).sorted().toArray();
        long failed = requests.stream().filter(request -> !request.ok()).count();
        double mean = times.length == 0 ? 0 : Arrays.stream(times).average().orElse(0);
        double successRate = times.length == 0 ? 0 : round2((times.length - failed) * 100.0 / times.length);
        double perSecond = seconds <= 0 ? 0 : round2(times.length / seconds);
        long p95 = percentile(times, 95);
        List<String> broken = goals.broken(students, times.length, mean, p95, successRate, perSecond);
        return new LevelFigures(students, seconds, times.length, failed, perSecond, round2(mean), p95,
                percentile(times, 99), successRate, outcomes, broken);
    }

    public boolean metEveryGoal() {
        return brokenGoals.isEmpty();
    }

    /** Nearest rank: the smallest time at or below which {@code percent} % of the times lie. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
