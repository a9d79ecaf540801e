package locker.loadtest.contractcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.LockerAnswer;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.simulation.ContractCheckSimulation;
import locker.loadtest.simulation.LockerReservationSimulation;
import locker.testsupport.GatlingFork;
import locker.testsupport.StackExtension;
import locker.testsupport.testdata.DatabaseRows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract check against the twin, in a Gatling JVM of its own: as its own simulation every row passes, and before
 * a run against a BASE_URL whose server words the lost race differently it names that row and stops the run before
 * anything of the load is seeded.
 */
class ContractCheckIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    @TempDir
    Path results;

    @Test
    void theTwinGivesEveryAnswerTheLoadTestReliesOn() throws Exception {
        Map<String, List<String>> before = STACK.contractTables();
        GatlingFork.Result run = GatlingFork.run(ContractCheckSimulation.class, results, settings());

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode contract = JSON.readTree(results.resolve("results.json").toFile()).path("contract");
        assertThat(contract.path("passed").asBoolean()).as(contract.toString()).isTrue();
        assertThat(contract.path("rows")).hasSize(ContractStep.ALL.size());
        contract.path("rows").forEach(row -> assertThat(row.path("got").asText()).as(row.toString())
                .isEqualTo(row.path("expected").asText()));
        assertThat(contract.path("rows").get(0).path("got").asText())
                .isEqualTo("201 with access_token, refresh_token, serial_id");
        assertThat(run.output()).contains("contract check passed: " + ContractStep.ALL.size() + " of "
                + ContractStep.ALL.size() + " answers as the load test expects")
                .contains("a hold lost to another student").contains("409 " + LockerAnswer.ALREADY_HELD_TEXT);

        Path folder = runFolder();
        Element table = Jsoup.parse(folder.resolve(ReportHtml.INDEX).toFile(), "UTF-8").selectFirst("#locker-rush-contract");
        assertThat(table).isNotNull();
        assertThat(table.select("tr[data-passed=true]")).hasSize(ContractStep.ALL.size());
        assertThat(Files.readString(folder.resolve(JunitReport.FILE_NAME))).contains("contract check")
                .contains("a hold lost to another student").doesNotContain("<failure");
        assertThat(STACK.contractTables()).as("the check's test data restored").isEqualTo(before);
    }

    @Test
    void aServerThatRewordsTheLostRaceIsCaughtBeforeTheRunSeedsAnything() throws Exception {
        Map<String, List<String>> before = STACK.contractTables();
        long seededRunsBefore = seededRuns();
        STACK.stack().server().rewordAnswers(Map.of(LockerAnswer.ALREADY_HELD_TEXT, "Locker is already taken"));
        GatlingFork.Result run;
        try {
            run = GatlingFork.run(LockerReservationSimulation.class, results, settings("TOTAL_USERS", "20"));
        } finally {
            STACK.stack().server().rewordAnswers(Map.of());
        }

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.CONTRACT_MISMATCH.code());
        assertThat(run.output())
                .containsPattern("a hold lost to another student +POST /lockers/\\d+/hold as \\d+ +409 Locker already "
                        + "held by someone +(✘|NO) +409 Locker is already taken")
                .contains("contract check failed: 1 of " + ContractStep.ALL.size() + " answers differ",
                        "first: a hold lost to another student, expected '409 Locker already held by someone', got '409 "
                                + "Locker is already taken'")
                .doesNotContain("\tat ");
        assertThat(run.output()).as("the load seeded nothing").doesNotContain("test users (student ids 9900000000–9900000019)");
        assertThat(seededRuns()).as("only the check's own test data was seeded, and restored")
                .isEqualTo(seededRunsBefore + 1);
        assertThat(STACK.contractTables()).isEqualTo(before);
    }

    private Map<String, String> settings(String... pairs) {
        return GatlingFork.settings(STACK.stack(), results.resolve("results.json"), pairs);
    }

    private Path runFolder() throws IOException {
        try (Stream<Path> children = Files.list(results)) {
            return children.filter(child -> Files.isRegularFile(child.resolve(ReportHtml.INDEX))).findFirst().orElseThrow();
        }
    }

    /** Every run the ledger knows, all of them restored. */
    private static long seededRuns() throws SQLException {
        try (Connection db = STACK.stack().openConnection()) {
            if (DatabaseRows.count(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'loadtest' "
                    + "AND table_name = 'runs'") == 0) {
                return 0;
            }
            assertThat(DatabaseRows.count(db, "SELECT count(*) FROM loadtest.runs WHERE restored_at IS NULL")).isZero();
            return DatabaseRows.count(db, "SELECT count(*) FROM loadtest.runs");
        }
    }

}
