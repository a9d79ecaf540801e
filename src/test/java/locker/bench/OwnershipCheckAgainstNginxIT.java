package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.simulation.LockerReservationSimulation;
import locker.testsupport.GatlingFork;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey's "my locker" check against a server that shows every student the locker they hold but names
 * another owner: the canned stub with one word changed. Every "my locker" request fails with what it found,
 * and no ownership counts as verified. Needs Debian's nginx, like the ceiling step (the {@code nginx} profile).
 */
class OwnershipCheckAgainstNginxIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_OWNER = "2020000001";

    @TempDir
    Path dir;

    @Test
    void aMyLockerThatNamesAnotherOwnerFailsTheRequestAndIsNotVerified() throws Exception {
        String template = Files.readString(Path.of(NginxStub.TEMPLATE));
        String lying = template.replace("\"owner\":\"$stub_owner\"", "\"owner\":\"" + OTHER_OWNER + "\"");
        assertThat(lying).isNotEqualTo(template);
        Path results = dir.resolve("results.json");
        try (NginxStub stub = NginxStub.start(lying, dir.resolve("stub"), "0-1", dir.resolve("stub.log"))) {
            GatlingFork.Result run = GatlingFork.run(LockerReservationSimulation.class, dir.resolve("gatling"), Map.of(
                    "BASE_URL", stub.baseUrl(), "DB_PORT", Integer.toString(EmbeddedStack.freePort()),
                    "REDIS_PORT", Integer.toString(EmbeddedStack.freePort()), "RUN_WITHOUT_DATABASE", "true", "TOTAL_USERS", "20",
                    "CONCURRENT_USERS", "20", "USER_THINK_TIME_MIN", "0", "USER_THINK_TIME_MAX", "0",
                    "CONFIRMATION_RATE", "1", "RESULTS_FILENAME", results.toString()));
            assertThat(results).as(run.output()).exists();
        }
        JsonNode file = JSON.readTree(results.toFile());
        JsonNode outcomes = file.path("summary").path("scenario_outcomes");
        assertThat(outcomes.path("confirmed").asLong()).as(outcomes.toString()).isEqualTo(20);
        assertThat(outcomes.path("ownership_verified").asLong()).as(outcomes.toString()).isZero();
        assertThat(outcomes.path("ownership_mismatched").asLong()).as(outcomes.toString()).isEqualTo(20);
        List<JsonNode> myLocker = StreamSupport.stream(file.path("detailed_results").spliterator(), false)
                .filter(entry -> entry.path("endpoint").asText().equals("GET /lockers/me")).toList();
        assertThat(myLocker).hasSize(20).allSatisfy(entry -> {
            assertThat(entry.path("success").asBoolean()).isFalse();
            assertThat(entry.path("status_code").asInt()).isEqualTo(200);
            assertThat(entry.path("error_message").asText()).contains("my locker", "found locker 101 of " + OTHER_OWNER);
        });
    }
}
