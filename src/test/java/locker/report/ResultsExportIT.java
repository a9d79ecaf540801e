package locker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.report.fixtures.ReportFixtureSimulation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Gatling run of {@link ReportFixtureSimulation} in its own JVM, and what it leaves behind. */
class ResultsExportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("target", "results-it").toAbsolutePath();

    private static GatlingFork.Result run;
    private static Path runDirectory;
    private static Path resultsFile;
    private static JsonNode results;

    @BeforeAll
    static void runTheFixture() throws IOException {
        Path directory = WORK.resolve("normal");
        deleteRecursively(directory);
        resultsFile = directory.resolve("load_test_results.json");
        run = GatlingFork.run(ReportFixtureSimulation.class, directory, settings(directory, resultsFile));
        assertThat(run.exitCode()).as(run.output()).isZero();
        runDirectory = onlyRun(directory);
        results = JSON.readTree(resultsFile.toFile());
    }

    @Test
    void theJsonNumbersAreTheNumbersOfTheHtmlReport() throws IOException {
        Document html = Jsoup.parse(runDirectory.resolve("index.html").toFile(), "UTF-8");
        Elements global = html.select("#container_statistics_head tbody tr td");
        JsonNode summary = results.get("summary");
        assertThat(summary.get("total_requests").asLong()).isEqualTo(cellLong(global, 1));
        assertThat(summary.get("successful_requests").asLong()).isEqualTo(cellLong(global, 2));
        assertThat(summary.get("failed_requests").asLong()).isEqualTo(cellLong(global, 3));
        assertThat(summary.get("success_rate").asDouble()).isCloseTo(100 - cellDouble(global, 4), within());
        assertThat(summary.get("average_throughput").asDouble()).isEqualTo(cellDouble(global, 5));
        String[] timeKeys = {"min_response_time", "median_response_time", "p75_response_time", "p95_response_time",
                "p99_response_time", "max_response_time", "average_response_time", "response_time_std_dev"};
        for (int i = 0; i < timeKeys.length; i++) {
            assertThat(summary.get(timeKeys[i]).asDouble() * 1000).as(timeKeys[i]).isCloseTo(cellDouble(global, 6 + i), within());
        }

        Elements rows = html.select("#container_statistics_body tbody tr");
        assertThat(results.get("endpoints").size()).isEqualTo(rows.size()).isEqualTo(6);
        for (Element row : rows) {
            Elements cells = row.select("td");
            String name = cells.get(0).selectFirst(".ellipsed-name").text();
            JsonNode endpoint = results.get("endpoints").get(name);
            assertThat(endpoint).as(name).isNotNull();
            assertThat(endpoint.get("total").asLong()).isEqualTo(cellLong(cells, 1));
            assertThat(endpoint.get("ok").asLong()).isEqualTo(cellLong(cells, 2));
            assertThat(endpoint.get("ko").asLong()).isEqualTo(cellLong(cells, 3));
            assertThat(endpoint.get("success_rate").asDouble()).isCloseTo(100 - cellDouble(cells, 4), within());
            assertThat(endpoint.get("p95_response_time").asDouble() * 1000).isCloseTo(cellDouble(cells, 9), within());
            assertThat(endpoint.get("mean_response_time").asDouble() * 1000).isCloseTo(cellDouble(cells, 12), within());
        }

        Elements errorRows = html.select("#container_errors tbody tr");
        assertThat(results.get("errors").size()).isEqualTo(errorRows.size()).isEqualTo(2);
        Map<String, Long> htmlErrors = new HashMap<>();
        errorRows.forEach(row -> htmlErrors.put(row.select("td").get(0).ownText().trim(), cellLong(row.select("td"), 1)));
        long previous = Long.MAX_VALUE;
        for (JsonNode error : results.get("errors")) {
            assertThat(error.get("count").asLong()).isEqualTo(htmlErrors.get(error.get("message").asText()))
                    .isLessThanOrEqualTo(previous);
            previous = error.get("count").asLong();
        }

        Elements assertionRows = html.select("#container_assertions tbody tr");
        assertThat(results.get("assertions").size()).isEqualTo(assertionRows.size()).isEqualTo(2);
        for (JsonNode assertion : results.get("assertions")) {
            assertThat(assertion.get("passed").asBoolean()).isTrue();
            assertThat(assertion.get("actual").isNumber()).as(assertion.toString()).isTrue();
        }
    }

    @Test
    void theFixturesRaceShowsInTheFigures() {
        JsonNode hold = results.get("endpoints").get("POST /lockers/{id}/hold");
        assertThat(hold.get("total").asLong()).isEqualTo(ReportFixtureSimulation.USERS);
        assertThat(hold.get("ok").asLong()).as("a lost race is an answer").isEqualTo(ReportFixtureSimulation.USERS);
        JsonNode confirm = results.get("endpoints").get("POST /lockers/{id}/confirm");
        assertThat(confirm.get("total").asLong()).isEqualTo(ReportFixtureSimulation.USERS);
        assertThat(confirm.get("ok").asLong()).isEqualTo(1);
        JsonNode outcomes = results.get("summary").get("scenario_outcomes");
        assertThat(outcomes.get("hold_attempts").asLong()).isEqualTo(ReportFixtureSimulation.USERS);
        assertThat(outcomes.get("holds_won").asLong()).isEqualTo(1);
        assertThat(outcomes.get("lost_race").asLong()).isEqualTo(ReportFixtureSimulation.USERS - 1);
        assertThat(results.get("errors").findValuesAsText("status")).containsExactlyInAnyOrder("409", "404");
        assertThat(results.get("invariants").size()).isEqualTo(7);
        results.get("invariants").forEach(invariant -> assertThat(invariant.get("passed").asBoolean()).as(invariant.toString()).isTrue());
        JsonNode config = results.get("config");
        assertThat(config.get("simulation_class").asText()).isEqualTo(ReportFixtureSimulation.class.getName());
        assertThat(config.get("gatling_version").asText()).isEqualTo(GatlingLogReader.SUPPORTED_GATLING_VERSION);
        assertThat(config.get("db_connected").asBoolean()).isTrue();
        assertThat(config.get("report_folder").asText()).isEqualTo(runDirectory.toString());
        assertThat(results.toString()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret");
    }

    @Test
    void detailedResultsHoldOneEntryPerRequestWithTheSeedsKeys() {
        JsonNode detailed = results.get("detailed_results");
        assertThat(detailed.size()).isEqualTo(results.get("summary").get("total_requests").asInt());
        long successes = 0;
        Map<String, Integer> perEndpoint = new HashMap<>();
        for (JsonNode entry : detailed) {
            assertThat(entry.has("success") && entry.has("status_code") && entry.has("response_time")
                    && entry.has("endpoint") && entry.has("error_message")).as(entry.toString()).isTrue();
            successes += entry.get("success").asBoolean() ? 1 : 0;
            perEndpoint.merge(entry.get("endpoint").asText(), 1, Integer::sum);
            assertThat(entry.get("status_code").isInt()).as("every request got a response: " + entry).isTrue();
            if (!entry.get("success").asBoolean()) {
                assertThat(entry.get("status_code").asInt()).isIn(404, 409);
            }
        }
        assertThat(successes).isEqualTo(results.get("summary").get("successful_requests").asLong());
        results.get("endpoints").fields().forEachRemaining(endpoint ->
                assertThat(perEndpoint.get(endpoint.getKey())).isEqualTo(endpoint.getValue().get("total").asInt()));
    }

    @Test
    void everyRequestShowsItsStatusAndALostRaceIsA409ThatSucceeded() {
        Map<String, Map<Integer, Integer>> statusesByEndpoint = new HashMap<>();
        Map<String, Integer> lostRaces = new HashMap<>();
        for (JsonNode entry : results.get("detailed_results")) {
            String endpoint = entry.get("endpoint").asText();
            statusesByEndpoint.computeIfAbsent(endpoint, key -> new HashMap<>())
                    .merge(entry.get("status_code").asInt(), 1, Integer::sum);
            if (endpoint.equals("POST /lockers/{id}/hold") && entry.get("status_code").asInt() == 409) {
                assertThat(entry.get("success").asBoolean()).as(entry.toString()).isTrue();
                assertThat(entry.get("error_message").isNull()).isTrue();
                lostRaces.merge(endpoint, 1, Integer::sum);
            }
        }
        int losers = ReportFixtureSimulation.USERS - 1;
        assertThat(statusesByEndpoint.get("POST /lockers/{id}/hold")).containsOnly(Map.entry(201, 1), Map.entry(409, losers));
        assertThat(statusesByEndpoint.get("POST /lockers/{id}/confirm")).containsOnly(Map.entry(200, 1), Map.entry(409, losers));
        assertThat(statusesByEndpoint.get("POST /lockers/{id}/release-hold")).containsOnly(Map.entry(404, losers));
        assertThat(statusesByEndpoint.get("GET /lockers")).containsOnly(Map.entry(200, ReportFixtureSimulation.USERS));
        assertThat(statusesByEndpoint.get("GET /lockers/me")).containsOnly(Map.entry(200, 1));
        assertThat(statusesByEndpoint.get("POST /auth/login-or-register").keySet()).isSubsetOf(200, 201);
        assertThat(lostRaces.get("POST /lockers/{id}/hold")).isEqualTo(losers);
    }

    @Test
    void theConsoleSummaryReachesTheRunsOutput() {
        String output = run.output();
        JsonNode summary = results.get("summary");
        assertThat(output)
                .contains("LOAD TEST RESULTS")
                .containsPattern("Total requests: +" + summary.get("total_requests").asLong() + "\n")
                .containsPattern("Failed requests: +" + summary.get("failed_requests").asLong() + "\n")
                .containsPattern("POST /lockers/\\{id}/confirm +1/" + ReportFixtureSimulation.USERS + " ")
                .containsPattern(" " + (ReportFixtureSimulation.USERS - 1) + "  POST /lockers/\\{id}/confirm  HTTP 409")
                .containsPattern(" " + (ReportFixtureSimulation.USERS - 1) + "  POST /lockers/\\{id}/release-hold  HTTP 404")
                .containsPattern("hold attempts: +" + ReportFixtureSimulation.USERS + "\n")
                .containsPattern("Verified: +1\n")
                .contains("HTML report:           " + runDirectory.resolve("index.html").toUri())
                .contains("JSON results:          " + resultsFile)
                .doesNotContain("VIOLATED");
        // The summary comes after Gatling's own report generation, i.e. from the exit hook.
        assertThat(output.indexOf("LOAD TEST RESULTS")).isGreaterThan(output.indexOf("Reports generated"));
    }

    @Test
    void aPastRunFolderExportsToTheSameDocument() throws IOException {
        Path copy = runDirectory.resolve("load_test_results.json");
        JsonNode written = JSON.readTree(copy.toFile());
        Path regenerated = WORK.resolve("regenerated").resolve("load_test_results.json");
        ResultsExporter.Export export = new ResultsExporter(new ResultsSettings(regenerated, true, WORK)).export(runDirectory);
        JsonNode document = JSON.readTree(JSON.writeValueAsString(export.document()));
        assertThat(document).isEqualTo(written).isEqualTo(results);
        assertThat(JSON.readTree(regenerated.toFile())).isEqualTo(written);
    }

    @Test
    void aViolatedInvariantFailsTheRunAndIsReported() throws IOException {
        Path directory = WORK.resolve("corrupt");
        deleteRecursively(directory);
        Path file = directory.resolve("load_test_results.json");
        Map<String, String> properties = settings(directory, file);
        properties.put("SAVE_DETAILED_RESULTS", "false");
        properties.put("fixture.corruptDatabase", "true");
        GatlingFork.Result corrupt = GatlingFork.run(ReportFixtureSimulation.class, directory, properties);

        assertThat(corrupt.exitCode()).as(corrupt.output()).isEqualTo(ResultsExport.INVARIANT_VIOLATED_EXIT_CODE);
        assertThat(corrupt.output()).containsPattern("VIOLATED +every locker_info owner has a matching confirmed assignment row")
                .contains("this run fails");
        JsonNode document = JSON.readTree(file.toFile());
        assertThat(document.has("detailed_results")).isFalse();
        Map<String, Boolean> passed = new HashMap<>();
        document.get("invariants").forEach(invariant -> passed.put(invariant.get("name").asText(), invariant.get("passed").asBoolean()));
        assertThat(passed).containsEntry("owner_has_confirmed_row", false).containsEntry("confirmed_count_matches", false)
                .containsEntry("one_owner_per_locker", true);
    }

    private static Map<String, String> settings(Path directory, Path file) {
        Map<String, String> properties = new HashMap<>();
        properties.put("GATLING_RESULTS_DIR", directory.toString());
        properties.put("RESULTS_FILENAME", file.toString());
        return properties;
    }

    private static Path onlyRun(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<Path> runs = children.filter(Files::isDirectory).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }

    private static long cellLong(Elements cells, int index) {
        return Long.parseLong(cells.get(index).text().trim());
    }

    private static double cellDouble(Elements cells, int index) {
        return Double.parseDouble(cells.get(index).text().replace("%", "").trim());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.0051);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
