package locker.loadtest.simulation;

import io.gatling.javaapi.core.Assertion;
import locker.config.LoadProfile;
import locker.config.LoadTestConfig;

import java.util.ArrayList;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.global;

/**
 * The seed's performance goals as Gatling assertions: a missed one fails the Maven build. Lost races
 * (409 {@code Locker already held by someone}) are answers, not failures, so they do not lower the success rate;
 * a hold refused by the database and a confirm or give-up refused after a won hold are failures ({@code LockerAnswer}).
 */
final class StandardAssertions {
    private StandardAssertions() {}

    static List<Assertion> of(LoadTestConfig config) {
        List<Assertion> assertions = new ArrayList<>();
        assertions.add(global().responseTime().mean().lt(millis(config.maxMeanResponseTime)));
        assertions.add(global().responseTime().percentile(95).lt(millis(config.maxP95ResponseTime)));
        assertions.add(global().successfulRequests().percent().gt(config.minSuccessRate));
        // Ramp and soak set their own arrival rate, so their throughput follows the settings, not the server.
        if (config.profile == LoadProfile.BATCH || config.profile == LoadProfile.RUSH) {
            assertions.add(global().requestsPerSec().gt(config.minThroughput));
        }
        return assertions;
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
