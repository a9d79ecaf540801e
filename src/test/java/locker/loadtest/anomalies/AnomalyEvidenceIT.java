package locker.loadtest.anomalies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.LockerAnswer;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.results.report.MarkdownSummary;
import locker.loadtest.simulation.LockerRaceSimulation;
import locker.testsupport.GatedStack;
import locker.testsupport.GatlingFork;
import locker.testsupport.Waiting;
import locker.testsupport.twin.HeldSteps;
import locker.twin.server.StepGate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run of the race simulation against the twin in which the deployed server's race R1 (deployed-service.md §8) is
 * made to happen: the step gate holds one student's hold clean-up between its {@code EXISTS} (no key) and its
 * {@code UPDATE} until the other student's hold has landed, then lets it go, so that the clean-up expires the fresh
 * hold; the winner's confirm waits until the row is expired. The gate only orders the server's real steps. The run's
 * results, report, console, JUnit and Markdown must then show the anomaly with its evidence.
 */
class AnomalyEvidenceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOCKER = 101;

    @RegisterExtension
    static final GatedStack STACK = new GatedStack();

    @TempDir
    Path results;

    @Test
    void aHoldExpiredByAnotherStudentsCleanUpIsShownWithItsTimelineItsRowsAndCauseR1() throws Exception {
        Map<String, List<String>> tablesBefore = STACK.contractTables();
        HeldSteps.Held cleanUp = STACK.gate().hold(StepGate.Step.HOLD_CLEANUP_FOUND_NO_KEY, LOCKER);
        HeldSteps.Held confirm = STACK.gate().hold(StepGate.Step.CONFIRM_BEFORE_UPDATES, LOCKER);
        CompletableFuture<GatlingFork.Result> running = CompletableFuture.supplyAsync(() ->
                GatlingFork.run(LockerRaceSimulation.class, results,
                        GatlingFork.settings(STACK.stack(), results.resolve("results.json"), "RACE_USERS", "2")));

        cleanUp.awaitArrival();
        Waiting.until(GatedStack.PATIENCE, this::rowStates, states -> states.contains("hold"));
        cleanUp.letGo();
        Waiting.until(GatedStack.PATIENCE, this::rowStates, states -> states.contains("expired"));
        confirm.letGo();
        GatlingFork.Result run = running.get(3, TimeUnit.MINUTES);

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        JsonNode anomalies = JSON.readTree(results.resolve("results.json").toFile()).path("anomalies");
        assertThat(anomalies.path("total").asLong()).as(anomalies.toString()).isEqualTo(1);
        assertThat(anomalies.path("counts").path("confirm_refused").asLong()).isEqualTo(1);
        assertThat(anomalies.path("database_read").asBoolean()).isTrue();
        JsonNode anomaly = anomalies.path("details").get(0);
        String winner = anomaly.path("student").asText();
        assertThat(anomaly.path("kind").asText()).isEqualTo("confirm_refused");
        assertThat(anomaly.path("cause").asText()).isEqualTo("R1");
        assertThat(anomaly.path("locker").asInt()).isEqualTo(LOCKER);
        assertThat(anomaly.path("answer").asText()).isEqualTo("409 " + LockerAnswer.HOLD_EXPIRED_TEXT);

        List<JsonNode> timeline = list(anomaly.path("timeline"));
        assertThat(timeline).anySatisfy(entry -> {
            assertThat(entry.path("student").asText()).isEqualTo(winner);
            assertThat(entry.path("endpoint").asText()).isEqualTo(Call.HOLD.requestName());
            assertThat(entry.path("status").asInt()).isEqualTo(201);
            assertThat(entry.path("offset_ms").asLong()).isZero();
        });
        JsonNode otherHold = timeline.stream().filter(entry -> !entry.path("student").asText().equals(winner))
                .findFirst().orElseThrow(() -> new AssertionError("no other student in " + timeline));
        assertThat(otherHold.path("endpoint").asText()).isEqualTo(Call.HOLD.requestName());
        assertThat(otherHold.path("answer").asText()).isEqualTo("409 " + LockerAnswer.ALREADY_HELD_TEXT);
        assertThat(otherHold.path("evidence").asBoolean()).as("the clean-up R1 rests on").isTrue();
        assertThat(timeline.get(timeline.size() - 1).path("anomalous").asBoolean()).isTrue();

        JsonNode state = anomaly.path("lockers").get(0);
        assertThat(state.path("locker").asInt()).isEqualTo(LOCKER);
        assertThat(list(state.path("assignments"))).anySatisfy(row -> {
            assertThat(row.path("student_id").asText()).isEqualTo(winner);
            assertThat(row.path("state").asText()).isEqualTo("expired");
        });
        String winnerSerial = list(state.path("assignments")).stream()
                .filter(row -> row.path("student_id").asText().equals(winner)).findFirst().orElseThrow()
                .path("user_serial_id").asText();
        assertThat(state.path("hold_key").path("value").asText()).isEqualTo(winnerSerial);
        assertThat(state.path("hold_key").path("ttl_ms").asLong()).isPositive();

        Path runDirectory = onlyRunFolder();
        Document report = Jsoup.parse(runDirectory.resolve(ReportHtml.INDEX).toFile(), "UTF-8");
        Element shown = report.selectFirst("#locker-rush-anomalies details[data-anomaly-kind=confirm_refused]");
        assertThat(shown).isNotNull();
        assertThat(shown.attr("data-cause")).isEqualTo("R1");
        assertThat(shown.select("svg.lr-lanes rect.lr-anomalous")).hasSize(1);
        assertThat(shown.select("svg.lr-lanes rect.lr-refused")).isNotEmpty();
        assertThat(shown.select("table.lr-timeline").text()).contains(LockerAnswer.ALREADY_HELD_TEXT, winner);
        assertThat(shown.select(".lr-assignments tr[data-state=expired]")).hasSize(1);

        assertThat(run.output()).contains("Anomalies (where the server broke a promise)")
                .containsPattern("1 +confirm refused after a won hold")
                .contains("first: confirm refused after a won hold: student " + winner + ", locker " + LOCKER, "cause R1");
        assertThat(Files.readString(runDirectory.resolve(JunitReport.FILE_NAME)))
                .contains("confirm_refused: confirm refused after a won hold").contains("1 found; first:");
        assertThat(Files.readString(runDirectory.resolve(MarkdownSummary.FILE_NAME)))
                .contains("### Anomalies").contains("| confirm refused after a won hold | 1 |");
        assertThat(STACK.contractTables()).as("restored after the run").isEqualTo(tablesBefore);
    }

    private List<String> rowStates() {
        return STACK.inspector().rows("SELECT state::text AS state FROM locker_assignments WHERE locker_id = ?", LOCKER)
                .stream().map(row -> String.valueOf(row.get("state"))).toList();
    }


    private Path onlyRunFolder() throws IOException {
        try (Stream<Path> children = Files.list(results)) {
            return children.filter(child -> Files.isRegularFile(child.resolve(ReportHtml.INDEX))).findFirst().orElseThrow();
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

}
