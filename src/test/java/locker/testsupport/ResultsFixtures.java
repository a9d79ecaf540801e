package locker.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results files with the layout of load_test_results.json (top-level config, summary, ...), for the tests. */
public final class ResultsFixtures {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFixtures() {}

    /** One run's figures; outcomes derive from {@code confirmed} and {@code lostRace} so they stay consistent. */
    public record Run(double throughput, double mean, double p95, double successRate, long confirmed, long lostRace) {}

    public static Path write(Path file, Run run) throws IOException {
        JSON.writeValue(file.toFile(), document(run));
        return file;
    }

    public static Map<String, Object> document(Run run) {
        long holdsWon = run.confirmed() * 2;
        long totalRequests = 1000;
        long failed = Math.round(totalRequests * (100 - run.successRate()) / 100);
        Map<String, Object> outcomes = new LinkedHashMap<>();
        outcomes.put("hold_attempts", holdsWon + run.lostRace());
        outcomes.put("holds_won", holdsWon);
        outcomes.put("lost_race", run.lostRace());
        outcomes.put("confirmed", run.confirmed());
        outcomes.put("given_up", holdsWon - run.confirmed());
        outcomes.put("no_locker_available", 0L);
        outcomes.put("ownership_verified", run.confirmed());
        outcomes.put("ownership_mismatched", 0L);
        outcomes.put("released", 0L);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_requests", totalRequests);
        summary.put("successful_requests", totalRequests - failed);
        summary.put("failed_requests", failed);
        summary.put("success_rate", run.successRate());
        summary.put("average_throughput", run.throughput());
        summary.put("average_response_time", run.mean());
        summary.put("median_response_time", run.mean() / 2);
        summary.put("p95_response_time", run.p95());
        summary.put("scenario_outcomes", outcomes);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", "embedded reference stack");
        config.put("total_users", 1000);
        config.put("report_folder", "/tmp/gatling/lockerreservationsimulation-20250101000000000");

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config", config);
        document.put("summary", summary);
        document.put("endpoints", Map.of());
        document.put("errors", List.of());
        document.put("assertions", List.of(
                Map.of("description", "Global: mean of response time is less than 1000", "passed", run.mean() < 1,
                        "actual", run.mean() * 1000)));
        document.put("invariants", List.of(Map.of("name", "one_owner_per_locker", "description", "no locker has two owners",
                "passed", true, "violations", 0, "detail", "")));
        return document;
    }
}
