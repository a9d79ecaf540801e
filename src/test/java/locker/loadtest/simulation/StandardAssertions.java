package locker.loadtest.simulation;

import io.gatling.javaapi.core.Assertion;
import locker.config.LoadTestConfig;
import locker.loadtest.results.PerformanceGoals;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * The original load test's performance goals as Gatling assertions: a missed one fails the Maven build. Lost races
 * (409 {@code Locker already held by someone}) are answers, not failures, so they do not lower the success rate;
 * a hold refused by the database and a confirm or give-up refused after a won hold are failures ({@code LockerAnswer}).
 */
final class StandardAssertions {
    private StandardAssertions() {}

    /** The goals of {@link PerformanceGoals}; a shard of several generators owes its share of the throughput. */
    static List<Assertion> of(LoadTestConfig config) {
        PerformanceGoals goals = PerformanceGoals.of(config);
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().responseTime().mean().lt(millis(goals.maxMeanMillis())));
        assertions.add(global().responseTime().percentile(95).lt(millis(goals.maxP95Millis())));
        assertions.add(global().successfulRequests().percent().gt(goals.minSuccessPercent()));
        goals.minThroughput().ifPresent(min -> assertions.add(global().requestsPerSec().gt(config.shard.share(min))));
        return assertions;
    }

    private static int millis(double millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(millis));
    }
}
