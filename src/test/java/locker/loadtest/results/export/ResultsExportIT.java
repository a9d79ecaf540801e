package locker.loadtest.results.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.GatlingLogReader;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.results.report.LockerRushSection;
import locker.loadtest.results.report.MarkdownSummary;
import locker.testsupport.Folders;
import locker.testsupport.GatlingFork;
import locker.testsupport.ReportFixtureSimulation;
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
import java.util.Optional;
import java.util.Set;
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
        Folders.deleteRecursively(directory);
        resultsFile = ReportFixtureSimulation.resultsFile(directory);
        run = ReportFixtureSimulation.runAsDesigned(directory);
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
    void everyKeyOfTheResultsFileIsDocumented() throws IOException {
        Map<String, Set<String>> documented = documentedKeys();
        assertThat(documented.keySet()).as("top-level sections").containsAll(keys(results));
        Set<String> settings = RunContext.readFrom(runDirectory).config().keySet();
        assertThat(documented.get("config")).containsAll(keys(results.get("config")).stream()
                .filter(key -> !settings.contains(key) || key.equals(RunResults.RunConfig.SIMULATION_CLASS)).toList());
        for (String section : List.of("summary", "test_data", "server_metrics")) {
            assertThat(documented.get(section)).as(section).containsAll(keys(results.get(section)));
        }
        assertThat(documented.get("summary")).containsAll(keys(results.get("summary").get("scenario_outcomes")));
        results.get("server_metrics").get("series").forEach(series ->
                assertThat(documented.get("server_metrics")).containsAll(keys(series)));
        results.get("endpoints").forEach(endpoint -> assertThat(documented.get("endpoints")).containsAll(keys(endpoint)));
        for (String section : List.of("errors", "assertions", "invariants", "detailed_results")) {
            results.get(section).forEach(entry -> assertThat(documented.get(section)).as(section).containsAll(keys(entry)));
        }
        assertThat(documented.get("anomalies")).containsAll(keys(results.get("anomalies")))
                .containsAll(keys(results.get("anomalies").get("counts")));
        assertThat(documented.get("timeline")).containsAll(keys(results.get("timeline")));
    }

    /** Every key of an anomaly given in full, of its timeline entries, locker states, rows and hold keys. */
    private static void assertAnomalyKeysDocumented(JsonNode anomaly) throws IOException {
        Set<String> documented = documentedKeys().get("anomalies");
        assertThat(documented).containsAll(keys(anomaly));
        anomaly.get("timeline").forEach(entry -> assertThat(documented).containsAll(keys(entry)));
        for (JsonNode state : anomaly.get("lockers")) {
            assertThat(documented).containsAll(keys(state)).containsAll(keys(state.get("hold_key")));
            state.get("assignments").forEach(row -> assertThat(documented).containsAll(keys(row)));
        }
    }

    /** Per {@code ### `section`} of the JSON fields in docs/results-and-report.md, every name it puts in backticks. */
    private static Map<String, Set<String>> documentedKeys() throws IOException {
        String fields = Files.readString(Path.of("docs", "results-and-report.md")).split("## The JSON fields")[1]
                .split("\n## ")[0];
        Map<String, Set<String>> documented = new HashMap<>();
        for (String section : fields.split("\n### ")) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("`([a-z_0-9]+)`").matcher(section);
            if (section.startsWith("`") && name.find()) {
                Set<String> names = new java.util.HashSet<>();
                while (name.find()) {
                    names.add(name.group(1));
                }
                documented.put(section.substring(1, section.indexOf('`', 1)), names);
            }
        }
        return documented;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
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
                .containsPattern("jvm heap used: +[0-9.]+ MiB\n")
                .containsPattern("jvm process cpu: +[0-9.]+ % of all cores\n")
                .containsPattern("postgres connections total: +[0-9.]+ connections\n")
                .contains("JUnit XML:             " + runDirectory.resolve(JunitReport.FILE_NAME))
                .contains("Markdown summary:      " + runDirectory.resolve(MarkdownSummary.FILE_NAME))
                .contains("HTML report:           " + runDirectory.resolve("index.html").toUri())
                .contains("JSON results:          " + resultsFile)
                .doesNotContain("VIOLATED");
        // The summary comes after Gatling's own report generation, i.e. from the exit hook.
        assertThat(output.indexOf("LOAD TEST RESULTS")).isGreaterThan(output.indexOf("Reports generated"));
    }

    @Test
    void aRunWithoutAnomaliesSaysNoneInEveryPlace() throws IOException {
        // the losers' refused confirms and give-ups come without a won hold: the server kept its word
        JsonNode anomalies = results.get("anomalies");
        assertThat(anomalies.get("total").asLong()).as(anomalies.toString()).isZero();
        anomalies.get("counts").forEach(count -> assertThat(count.asLong()).isZero());
        assertThat(anomalies.get("details")).isEmpty();
        assertThat(run.output()).contains("Anomalies (where the server broke a promise)\n  none\n");
        assertThat(Files.readString(runDirectory.resolve(MarkdownSummary.FILE_NAME)))
                .contains("### Anomalies (where the server broke a promise)\n\nNone.\n");
        assertThat(Files.readString(runDirectory.resolve(JunitReport.FILE_NAME)))
                .contains("ReportFixtureSimulation anomalies").contains("confirm_refused: confirm refused after a won hold")
                .doesNotContain("<failure");
        assertThat(Jsoup.parse(runDirectory.resolve("index.html").toFile(), "UTF-8").select("#locker-rush-anomalies").text())
                .contains("None: every answer was one the server promised, and every invariant held.");
    }

    @Test
    void aPastRunFolderExportsToTheSameDocument() throws IOException {
        Path copy = runDirectory.resolve("load_test_results.json");
        JsonNode written = JSON.readTree(copy.toFile());
        Path regenerated = WORK.resolve("regenerated").resolve("load_test_results.json");
        RunResults exported = new ResultsExporter(new ResultsSettings(regenerated, true, WORK, Optional.empty()))
                .export(runDirectory);
        JsonNode document = JSON.readTree(JSON.writeValueAsString(exported));
        assertThat(document).isEqualTo(written).isEqualTo(results);
        assertThat(JSON.readTree(regenerated.toFile())).isEqualTo(written);
    }

    @Test
    void theJunitReportHasATestCasePerAssertionInvariantAndAnomalyKind() throws Exception {
        org.w3c.dom.Document xml = parseXml(runDirectory.resolve(JunitReport.FILE_NAME));
        org.w3c.dom.NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(results.get("assertions").size() + results.get("invariants").size()
                + results.get("anomalies").get("counts").size()).isEqualTo(2 + 7 + 6);
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        org.w3c.dom.NodeList suites = xml.getElementsByTagName("testsuite");
        int declared = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            declared += Integer.parseInt(((org.w3c.dom.Element) suites.item(i)).getAttribute("tests"));
        }
        assertThat(declared).isEqualTo(cases.getLength());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((org.w3c.dom.Element) cases.item(i)).getAttribute("name"));
        }
        results.get("assertions").forEach(assertion -> assertThat(names).contains(assertion.get("description").asText()));
        results.get("invariants").forEach(invariant -> assertThat(names)
                .contains(invariant.get("name").asText() + ": " + invariant.get("description").asText()));
    }

    @Test
    void theMarkdownSummaryHoldsTheFiguresOfTheJson() throws IOException {
        String markdown = Files.readString(runDirectory.resolve(MarkdownSummary.FILE_NAME));
        JsonNode summary = results.get("summary");
        assertThat(markdown).startsWith("## Load test: ReportFixtureSimulation — PASSED")
                .contains("| " + summary.get("total_requests").asLong() + " | " + summary.get("successful_requests").asLong()
                        + " | " + summary.get("failed_requests").asLong() + " | " + summary.get("success_rate").asText() + " % | "
                        + summary.get("average_throughput").asText() + " req/s | ")
                .contains(" | " + summary.get("p95_response_time").asText() + " s | ");
        results.get("endpoints").fields().forEachRemaining(endpoint -> assertThat(markdown).contains("| `" + endpoint.getKey()
                + "` | " + endpoint.getValue().get("total").asLong() + " | " + endpoint.getValue().get("ok").asLong() + " | "
                + endpoint.getValue().get("ko").asLong() + " | "));
        summary.get("scenario_outcomes").fields().forEachRemaining(outcome -> assertThat(markdown)
                .contains("| " + Outcome.label(outcome.getKey()) + " | " + outcome.getValue().asLong() + " |"));
        results.get("errors").forEach(error -> assertThat(markdown).contains("| " + error.get("count").asLong() + " | "
                + error.get("status").asInt() + " | " + error.get("message").asText() + " |"));
        assertThat(markdown).contains("| ✅ | no locker has two owners | none |")
                .containsPattern("\\| CPU of the JVM running Gatling and the embedded server \\| [0-9.]+ % of all cores \\|")
                .containsPattern("\\| heap used by the JVM running Gatling and the embedded server \\| [0-9.]+ MiB \\|");
    }

    @Test
    void theReportOpensWithTheLockerRush() throws IOException {
        Document html = Jsoup.parse(runDirectory.resolve("index.html").toFile(), "UTF-8");
        Element section = html.selectFirst(".article > #" + LockerRushSection.SECTION_ID);
        assertThat(section).isNotNull();
        assertThat(section.elementSiblingIndex()).as("the first thing of the page's content").isZero();
        results.get("summary").get("scenario_outcomes").fields().forEachRemaining(outcome -> assertThat(
                section.select("tr[data-outcome=" + outcome.getKey() + "] td").eachText())
                .containsExactly(Outcome.label(outcome.getKey()), Long.toString(outcome.getValue().asLong())));
        results.get("invariants").forEach(invariant -> assertThat(
                section.select("tr[data-invariant=" + invariant.get("name").asText() + "] td").eachText())
                .containsExactly("PASS", invariant.get("description").asText(), invariant.get("detail").asText()));
        assertThat(section.select("#locker-rush-test-data").text()).contains("Restore: not needed");
        assertThat(section.select("tr[data-metric=jvm_heap_used] td").get(1).text()).matches("[0-9.]+ MiB");
        assertThat(section.select("tr[data-metric=jvm_process_cpu] td").get(1).text()).matches("[0-9.]+ % of all cores");
        assertThat(section.select("tr[data-metric=postgres_connections_total] svg polyline").attr("points"))
                .as("a chart of the sampled series").contains(",").contains(" ");
        assertThat(section.select("#locker-rush-settings td").eachText()).contains("total_users", "6", "simulation_class");
        assertThat(section.select("script, link, img, [src], [href]")).as("nothing loaded or run").isEmpty();
        Element description = html.select(".simulation-information-label:contains(Description:)").first().nextElementSibling();
        assertThat(description.text()).isEqualTo("6 students, report-fixture profile, confirm 100 %, embedded reference stack");
        assertThat(html.select(".nav a[href=#locker-rush]")).hasSize(1);
    }

    @Test
    void aReExportReplacesTheSectionAndFillsTheJobSummary() throws IOException {
        Path stepSummary = WORK.resolve("step-summary.md");
        Files.deleteIfExists(stepSummary);
        Files.writeString(stepSummary, "earlier step\n");
        Path copy = WORK.resolve("re-export").resolve("load_test_results.json");
        new ResultsExporter(new ResultsSettings(copy, false, WORK, java.util.Optional.of(stepSummary))).export(runDirectory);
        assertThat(Jsoup.parse(runDirectory.resolve("index.html").toFile(), "UTF-8").select("#" + LockerRushSection.SECTION_ID))
                .hasSize(1);
        assertThat(Files.readString(stepSummary)).startsWith("earlier step\n")
                .contains(Files.readString(runDirectory.resolve(MarkdownSummary.FILE_NAME)));
    }

    @Test
    void aViolatedInvariantFailsTheRunAndIsReported() throws Exception {
        Path directory = WORK.resolve("corrupt");
        Folders.deleteRecursively(directory);
        Path file = ReportFixtureSimulation.resultsFile(directory);
        Map<String, String> properties = ReportFixtureSimulation.settings(directory);
        properties.put("SAVE_DETAILED_RESULTS", "false");
        properties.put("fixture.corruptDatabase", "true");
        GatlingFork.Result corrupt = GatlingFork.run(ReportFixtureSimulation.class, directory, properties);

        assertThat(corrupt.exitCode()).as(corrupt.output()).isEqualTo(ExitStatus.INVARIANT_VIOLATED.code());
        assertThat(corrupt.output()).containsPattern("VIOLATED +every locker_info owner has a matching confirmed assignment row")
                .contains("this run fails");
        JsonNode document = JSON.readTree(file.toFile());
        assertThat(document.has("detailed_results")).isFalse();
        Map<String, Boolean> passed = new HashMap<>();
        document.get("invariants").forEach(invariant -> passed.put(invariant.get("name").asText(), invariant.get("passed").asBoolean()));
        assertThat(passed).containsEntry("owner_has_confirmed_row", false).containsEntry("confirmed_count_matches", false)
                .containsEntry("one_owner_per_locker", true);

        Path runFolder = onlyRun(directory);
        org.w3c.dom.Document xml = parseXml(runFolder.resolve(JunitReport.FILE_NAME));
        Map<String, String> failures = new HashMap<>();
        org.w3c.dom.NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            org.w3c.dom.Element testCase = (org.w3c.dom.Element) cases.item(i);
            org.w3c.dom.NodeList failure = testCase.getElementsByTagName("failure");
            if (failure.getLength() == 1) {
                failures.put(testCase.getAttribute("name"), ((org.w3c.dom.Element) failure.item(0)).getAttribute("message"));
            }
        }
        assertThat(cases.getLength()).isEqualTo(3 + 7 + 6);
        long failedRequests = document.get("summary").get("failed_requests").asLong();
        assertThat(failures).hasSize(4)
                .hasEntrySatisfying("invariant_violated: database invariant violated", message -> assertThat(message)
                        .startsWith("2 found; first: database invariant violated: every locker_info owner has a matching")
                        .contains("cause unexplained"))
                .containsEntry("Global: count of failed events is 0.0",
                        "missed: Global: count of failed events is 0.0; actual value " + (double) failedRequests)
                .containsKey("owner_has_confirmed_row: every locker_info owner has a matching confirmed assignment row");
        assertThat(failures.entrySet()).anySatisfy(failure -> assertThat(failure.getValue())
                .startsWith("violated: lockers owned by test users").contains("expected 1, found "));
        assertThat(Files.readString(runFolder.resolve(MarkdownSummary.FILE_NAME)))
                .startsWith("## Load test: ReportFixtureSimulation — FAILED")
                .contains("| ❌ | Global: count of failed events is 0.0 | " + (double) failedRequests + " |");
        assertThat(Jsoup.parse(runFolder.resolve("index.html").toFile(), "UTF-8")
                .select("tr[data-invariant=owner_has_confirmed_row] td").first().text()).isEqualTo("FAIL");

        // the evidence: locker 102's row in locker_info names an owner without a confirmed row, and the run's
        // requests of that student are shown
        JsonNode anomalies = document.get("anomalies");
        assertThat(anomalies.get("counts").get("invariant_violated").asLong()).isEqualTo(2);
        JsonNode evidence = null;
        for (JsonNode anomaly : anomalies.get("details")) {
            if ("owner_has_confirmed_row".equals(anomaly.get("invariant").asText())) {
                evidence = anomaly;
            }
        }
        assertThat(evidence).as(anomalies.toString()).isNotNull();
        assertAnomalyKeysDocumented(evidence);
        JsonNode locker102 = null;
        for (JsonNode state : evidence.get("lockers")) {
            if (state.get("locker").asInt() == 102) {
                locker102 = state;
            }
        }
        assertThat(locker102).as(evidence.toString()).isNotNull();
        String owner = locker102.get("owner_student_id").asText();
        assertThat(owner).startsWith("99000000");
        assertThat(locker102.get("assignments")).isEmpty();
        assertThat(evidence.get("timeline")).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.get("student").asText()).isEqualTo(owner));
        assertThat(evidence.get("timeline").findValuesAsText("endpoint")).contains("POST /auth/login-or-register",
                "POST /lockers/{id}/hold");
        assertThat(corrupt.output()).containsPattern("2 +database invariant violated");
        Element shown = Jsoup.parse(runFolder.resolve("index.html").toFile(), "UTF-8")
                .selectFirst("#locker-rush-anomalies details[data-anomaly-kind=invariant_violated]");
        assertThat(shown).isNotNull();
        assertThat(shown.select(".lr-locker-state[data-locker=102]").text()).contains("owner " + owner);
        assertThat(shown.select("table.lr-timeline").text()).contains(owner);
    }

    private static Path onlyRun(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            List<Path> runs = children.filter(Files::isDirectory).toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }

    private static org.w3c.dom.Document parseXml(Path file) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
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
}
