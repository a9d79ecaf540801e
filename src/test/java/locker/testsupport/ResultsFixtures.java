package locker.testsupport;

import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults.AssertionResult;
import locker.loadtest.results.RunResults.RunConfig;
import locker.loadtest.results.RunResults.Summary;
import locker.loadtest.results.RunResults;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results files as the export writes them, with the figures a test chooses and the rest left out. */
public final class ResultsFixtures {
    private ResultsFixtures() {}

    /** One run's figures; outcomes derive from {@code confirmed} and {@code lostRace} so they stay consistent. */
    public record Run(double throughput, double mean, double p95, double successRate, long confirmed, long lostRace) {}

    public static Path write(Path file, Run run) {
        document(run).writeTo(file);
        return file;
    }

    public static RunResults document(Run run) {
        long holdsWon = run.confirmed() * 2;
        long totalRequests = 1000;
        long failed = Math.round(totalRequests * (100 - run.successRate()) / 100);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put(Outcome.HOLD_ATTEMPTS.key(), holdsWon + run.lostRace());
        outcomes.put(Outcome.HOLDS_WON.key(), holdsWon);
        outcomes.put(Outcome.LOST_RACE.key(), run.lostRace());
        outcomes.put(Outcome.CONFIRMED.key(), run.confirmed());
        outcomes.put(Outcome.GIVEN_UP.key(), holdsWon - run.confirmed());
        outcomes.put(Outcome.NO_LOCKER_AVAILABLE.key(), 0L);
        outcomes.put(Outcome.OWNERSHIP_VERIFIED.key(), run.confirmed());
        outcomes.put(Outcome.OWNERSHIP_MISMATCHED.key(), 0L);
        outcomes.put(Outcome.RELEASED.key(), 0L);
        Summary summary = new Summary(totalRequests, totalRequests - failed, failed, run.successRate(), run.throughput(),
                run.mean(), run.mean() / 2, null, null, null, run.p95(), null, null, outcomes);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("base_url", "embedded reference stack");
        settings.put("total_users", 1000);
        RunConfig config = new RunConfig(settings, 0, false, null, null,
                "/tmp/gatling/lockerreservationsimulation-20250101000000000");

        return new RunResults(config, summary, Map.of(), List.of(),
                List.of(new AssertionResult("Global: mean of response time is less than 1000", run.mean() < 1,
                        run.mean() * 1000)),
                List.of(new InvariantResult("one_owner_per_locker", "no locker has two owners", true, 0, "")),
                null, null, null, null, null, null, null, null, null);
    }
}
