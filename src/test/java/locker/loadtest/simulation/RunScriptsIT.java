package locker.loadtest.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.testsupport.ResultsFixtures.Run;
import locker.testsupport.ProjectScript;
import locker.testsupport.ResultsFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs scripts/run_load_test.sh and scripts/compare_runs.sh as a user does, in the project folder, with tiny
 * runs of the main simulation against the embedded stack.
 */
class RunScriptsIT {
    /** A run of 20 students without think time or throughput goal: it passes unless an assertion is made impossible. */
    private static final List<String> TINY_RUN = List.of("TOTAL_USERS=20", "CONCURRENT_USERS=20",
            "USER_THINK_TIME_MIN=0", "-DUSER_THINK_TIME_MAX=0.05", "MIN_THROUGHPUT=0");
    private static final Path GATLING_RESULTS = Path.of("target/gatling");

    @TempDir
    Path dir;

    /** The script as a user runs it: it builds the project itself. */
    private ProjectScript.Result script(String script, List<String> arguments) throws IOException, InterruptedException {
        return ProjectScript.run(script, arguments, Map.of(), dir.resolve(script + ".log"), Duration.ofMinutes(5));
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void anImpossibleAssertionMakesTheRunFail() throws Exception {
        ProjectScript.Result run = script("run_load_test.sh", with(TINY_RUN, "MAX_MEAN_RESPONSE_TIME=0.001",
                "RESULTS_FILENAME=target/runner-it-failing-run.json"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("users:        20 (", "mean < 0.001 s",
                "mean of response time is less than 1.0 : false", "BUILD FAILURE",
                "FAILED (exit status 1): an assertion or invariant was missed");
        assertThat(run.output()).containsPattern("report: +/.*/target/gatling/lockerreservationsimulation-\\d+/index.html");
    }

    @Test
    void repeatedRunsKeepEveryReportAndCompareTheirResults() throws Exception {
        // below target/, as a user's runs are: the run folders link to reports in target/gatling
        Path out = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "runner-it-runs-");
        ProjectScript.Result run = script("run_load_test.sh", with(TINY_RUN, "--repeat", "2", "--cooldown", "1", "--out",
                out.toString(), "RESULTS_FILENAME=target/runner-it-repeat.json"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("== Run 1 of 2", "== Cooling down for 1 s", "== Run 2 of 2");
        assertThat(run.output().lines().filter("passed"::equals)).hasSize(2);
        Path firstReport = out.resolve("run-1/report").toRealPath();
        Path secondReport = out.resolve("run-2/report").toRealPath();
        assertThat(firstReport).isNotEqualTo(secondReport);
        for (Path report : List.of(firstReport, secondReport)) {
            assertThat(report.resolve("index.html")).isRegularFile();
            assertThat(report.getParent()).isEqualTo(GATLING_RESULTS.toRealPath());
        }
        assertThat(Files.readString(out.resolve("run-2/gatling.log"))).contains("BUILD SUCCESS");
        assertThat(Path.of("target/runner-it-repeat.json")).doesNotExist();   // moved into the run folders

        JsonNode summary = new ObjectMapper().readTree(out.resolve("repeat_summary.json").toFile());
        for (int i = 0; i < 2; i++) {
            Path file = out.resolve("run-" + (i + 1) + "/runner-it-repeat.json");
            JsonNode results = new ObjectMapper().readTree(file.toFile());
            JsonNode figures = summary.at("/runs/" + i + "/figures");
            assertThat(summary.at("/runs/" + i + "/file").asText()).isEqualTo(file.toRealPath().toString());
            assertThat(figures.get("throughput")).isEqualTo(results.at("/summary/average_throughput"));
            assertThat(figures.get("mean_response_time")).isEqualTo(results.at("/summary/average_response_time"));
            assertThat(figures.get("p95_response_time")).isEqualTo(results.at("/summary/p95_response_time"));
            assertThat(figures.get("success_rate")).isEqualTo(results.at("/summary/success_rate"));
            assertThat(figures.get("confirmed").asDouble())
                    .isEqualTo(results.at("/summary/scenario_outcomes/confirmed").asDouble());
        }
        assertThat(run.output()).contains("== Comparison of the runs", "throughput (req/s)");
    }

    @Test
    void aBadSettingStopsTheScriptBeforeAnythingRuns() throws Exception {
        List<String> reportsBefore = reports();
        ProjectScript.Result run = script("run_load_test.sh", List.of("TOTAL_USERS=many", "PROFILE=stampede"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("invalid load-test settings (nothing was started or changed)",
                "TOTAL_USERS must be a whole number", "PROFILE").doesNotContain("== Running");
        assertThat(reports()).isEqualTo(reportsBefore);
    }

    private static List<String> reports() throws IOException {
        if (!Files.isDirectory(GATLING_RESULTS)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(GATLING_RESULTS)) {
            return folders.map(Path::toString).sorted().toList();
        }
    }

    @Test
    void compareRejectsAFileThatIsNotAResultsFileAndWritesNothing() throws Exception {
        Path good = ResultsFixtures.write(dir.resolve("before.json"), new Run(120, 0.04, 0.15, 100, 22, 130));
        Path output = dir.resolve("repeat_summary.json");
        ProjectScript.Result compare = script("compare_runs.sh", List.of("--output", output.toString(), good.toString(), "pom.xml"));

        assertThat(compare.exitCode()).as(compare.output()).isEqualTo(2);
        assertThat(compare.output()).contains("compare: pom.xml is not a load test results file: not JSON");
        assertThat(output).doesNotExist();
    }

    @Test
    void compareComparesTwoResultsFilesOnTheConsoleAndInJson() throws Exception {
        Path before = ResultsFixtures.write(dir.resolve("before.json"), new Run(120, 0.04, 0.15, 100, 22, 130));
        Path after = ResultsFixtures.write(dir.resolve("after.json"), new Run(180, 0.03, 0.11, 99.5, 22, 128));
        Path output = dir.resolve("repeat_summary.json");
        ProjectScript.Result compare = script("compare_runs.sh", List.of("--threshold", "10", "--output", output.toString(),
                before.toString(), after.toString()));

        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("run 1: " + before, "run 2: " + after,
                "* more than 10 % off the median", "comparison written to " + output);
        assertThat(compare.output().lines().filter(line -> line.startsWith("throughput (req/s)")).findFirst())
                .hasValueSatisfying(line -> assertThat(line).contains("120.00 *", "180.00 *", "40.0 %", "+50.0 %"));
        JsonNode summary = new ObjectMapper().readTree(output.toFile());
        assertThat(summary.at("/figures/throughput/median").asDouble()).isEqualTo(150);
        assertThat(summary.at("/runs/1/figures/p95_response_time").asDouble()).isEqualTo(0.11);
    }
}
