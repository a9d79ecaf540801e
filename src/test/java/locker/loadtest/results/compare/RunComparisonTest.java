package locker.loadtest.results.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import locker.loadtest.results.compare.ResultsFile.Figure;
import locker.loadtest.results.compare.ResultsFile.InvalidResultsFile;
import locker.testsupport.ResultsFixtures;
import locker.testsupport.ResultsFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunComparisonTest {
    private static final Figure THROUGHPUT = figure("throughput");
    private static final Figure P95 = figure("p95_response_time");
    private static final Figure LOST_RACE = figure("lost_race");
    private static final Figure MISMATCHED = figure("ownership_mismatched");

    @TempDir
    Path dir;

    private static Figure figure(String name) {
        return Figure.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private ResultsFile file(String name, Run run) throws IOException {
        return ResultsFile.read(ResultsFixtures.write(dir.resolve(name), run));
    }

    @Test
    void readsTheSummaryFiguresAndOutcomesOfAResultsFile() throws IOException {
        ResultsFile file = file("a.json", new Run(312.5, 0.042, 0.180, 99.5, 22, 140));

        assertThat(file.figure(THROUGHPUT)).isEqualTo(312.5);
        assertThat(file.figure(figure("mean_response_time"))).isEqualTo(0.042);
        assertThat(file.figure(P95)).isEqualTo(0.180);
        assertThat(file.figure(figure("success_rate"))).isEqualTo(99.5);
        assertThat(file.figure(figure("confirmed"))).isEqualTo(22);
        assertThat(file.figure(LOST_RACE)).isEqualTo(140);
        assertThat(file.reportFolder()).isEqualTo("/tmp/gatling/lockerreservationsimulation-20250101000000000");
        assertThat(file.results().assertionsHeld()).contains(true);
        assertThat(file.results().invariantsHeld()).contains(true);
    }

    @Test
    void givesMinMedianMaxAndSpreadAndFlagsTheRunFarFromTheMedian() throws IOException {
        RunComparison comparison = new RunComparison(List.of(
                file("1.json", new Run(100, 0.05, 0.20, 100, 22, 100)),
                file("2.json", new Run(110, 0.05, 0.21, 100, 22, 104)),
                file("3.json", new Run(150, 0.05, 0.22, 100, 22, 96))), 20);

        RunComparison.FigureStats throughput = comparison.stats(THROUGHPUT);
        assertThat(throughput.values()).containsExactly(100.0, 110.0, 150.0);
        assertThat(throughput.min()).isEqualTo(100);
        assertThat(throughput.median()).isEqualTo(110);
        assertThat(throughput.max()).isEqualTo(150);
        assertThat(throughput.spreadPercent()).isEqualTo(45.45);   // (150 - 100) / 110
        assertThat(throughput.changePercent()).isEqualTo(50.0);    // run 3 against run 1
        assertThat(throughput.flaggedRuns()).containsExactly(3);   // 36 % off; run 1 is 9 % off
        assertThat(comparison.stats(P95).flaggedRuns()).isEmpty();
        assertThat(comparison.stats(LOST_RACE).median()).isEqualTo(100);
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() throws IOException {
        RunComparison comparison = new RunComparison(List.of(
                file("before.json", new Run(200, 0.05, 0.20, 100, 22, 100)),
                file("after.json", new Run(300, 0.05, 0.20, 100, 22, 100))), 10);

        assertThat(comparison.stats(THROUGHPUT).median()).isEqualTo(250);
        assertThat(comparison.stats(THROUGHPUT).spreadPercent()).isEqualTo(40.0);
        assertThat(comparison.stats(THROUGHPUT).flaggedRuns()).containsExactly(1, 2);  // both 20 % off
        assertThat(comparison.stats(P95).flaggedRuns()).isEmpty();
    }

    @Test
    void aFigureThatIsZeroInEveryRunHasNoSpreadAndOneThatIsNotHasNone() throws IOException {
        RunComparison comparison = new RunComparison(List.of(
                file("1.json", new Run(100, 0.05, 0.20, 100, 22, 0)),
                file("2.json", new Run(100, 0.05, 0.20, 100, 22, 0)),
                file("3.json", new Run(100, 0.05, 0.20, 100, 22, 5))), 20);

        assertThat(comparison.stats(MISMATCHED).spreadPercent()).isEqualTo(0.0);
        assertThat(comparison.stats(MISMATCHED).flaggedRuns()).isEmpty();
        assertThat(comparison.stats(LOST_RACE).median()).isZero();
        assertThat(comparison.stats(LOST_RACE).spreadPercent()).isNull();
        assertThat(comparison.stats(LOST_RACE).flaggedRuns()).containsExactly(3);
        assertThat(comparison.table()).contains("n/a");
    }

    @Test
    void theTableHasAColumnPerRunAndMarksFlaggedValues() throws IOException {
        RunComparison comparison = new RunComparison(List.of(
                file("1.json", new Run(100, 0.05, 0.20, 100, 22, 100)),
                file("2.json", new Run(104, 0.05, 0.20, 100, 22, 100)),
                file("3.json", new Run(160, 0.05, 0.20, 100, 22, 100))), 20);

        String table = comparison.table();
        assertThat(table).contains("run 1: " + dir.resolve("1.json"), "run 3: " + dir.resolve("3.json"));
        assertThat(table.lines().filter(line -> line.startsWith("throughput (req/s)")).findFirst().orElseThrow())
                .contains("100.00", "104.00", "160.00 *", "57.7 %", "+60.0 %");
        assertThat(table).contains("* more than 20 % off the median (1 flagged)");
    }

    @Test
    void theSummaryDocumentCarriesEachRunsFiguresAsInItsFile() throws IOException {
        ResultsFile first = file("1.json", new Run(123.4, 0.031, 0.092, 98.7, 21, 130));
        ResultsFile second = file("2.json", new Run(118.9, 0.035, 0.101, 99.1, 22, 128));
        Path output = dir.resolve("out/repeat_summary.json");
        new RunComparison(List.of(first, second), 20).writeTo(output);

        JsonNode summary = new ObjectMapper().readTree(output.toFile());
        for (int i = 0; i < 2; i++) {
            JsonNode file = new ObjectMapper().readTree(dir.resolve((i + 1) + ".json").toFile());
            JsonNode figures = summary.at("/runs/" + i + "/figures");
            assertThat(figures.get("throughput")).isEqualTo(file.at("/summary/average_throughput"));
            assertThat(figures.get("mean_response_time")).isEqualTo(file.at("/summary/average_response_time"));
            assertThat(figures.get("p95_response_time")).isEqualTo(file.at("/summary/p95_response_time"));
            assertThat(figures.get("success_rate")).isEqualTo(file.at("/summary/success_rate"));
            file.at("/summary/scenario_outcomes").fields().forEachRemaining(outcome ->
                    assertThat(figures.get(outcome.getKey()).asDouble()).isEqualTo(outcome.getValue().asDouble()));
        }
        assertThat(summary.at("/figures/throughput/min").asDouble()).isEqualTo(118.9);
        assertThat(summary.at("/figures/throughput/max").asDouble()).isEqualTo(123.4);
        assertThat(summary.at("/runs/1/file").asText()).isEqualTo(dir.resolve("2.json").toString());
    }

    @Test
    void theSummaryDocumentsKeysComeInTheirOrderAndAFlaggedRunIsListed() throws IOException {
        Path output = dir.resolve("repeat_summary.json");
        new RunComparison(List.of(file("1.json", new Run(100, 0.05, 0.20, 100, 22, 100)),
                file("2.json", new Run(150, 0.05, 0.20, 100, 22, 100))), 10).writeTo(output);

        JsonNode summary = new ObjectMapper().readTree(output.toFile());
        assertThat(summary.fieldNames()).toIterable().containsExactly("threshold_percent", "runs", "figures", "flagged");
        assertThat(summary.at("/runs/0").fieldNames()).toIterable().containsExactly("run", "file", "report_folder",
                "assertions_passed", "invariants_passed", "figures");
        assertThat(summary.at("/figures/throughput").fieldNames()).toIterable().containsExactly("source", "values",
                "min", "median", "max", "spread_percent", "change_percent", "flagged_runs");
        assertThat(summary.at("/figures/throughput/source").asText()).isEqualTo("summary.average_throughput");
        assertThat(summary.at("/flagged/0").fieldNames()).toIterable().containsExactly("run", "figure", "value",
                "median", "deviation_percent");
        assertThat(summary.at("/flagged/0/deviation_percent").asDouble()).isEqualTo(20.0);
    }

    @Test
    void rejectsFilesThatAreNotResultsFilesNamingWhatIsWrong() throws IOException {
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "throughput was fine");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        ObjectNode partial = new ObjectMapper().valueToTree(ResultsFixtures.document(new Run(1, 1, 1, 1, 1, 1)));
        ((ObjectNode) partial.get("summary")).remove("p95_response_time");
        Path noP95 = dir.resolve("no-p95.json");
        new ObjectMapper().writeValue(noP95.toFile(), partial);

        assertThatThrownBy(() -> ResultsFile.read(notJson)).isInstanceOf(InvalidResultsFile.class)
                .hasMessageStartingWith(notJson + " is not a load test results file: not JSON");
        assertThatThrownBy(() -> ResultsFile.read(array))
                .hasMessage(array + " is not a load test results file: it has no \"summary\" object");
        assertThatThrownBy(() -> ResultsFile.read(noP95))
                .hasMessage(noP95 + " is not a load test results file: it has no number at summary.p95_response_time");
        assertThatThrownBy(() -> ResultsFile.read(dir.resolve("missing.json")))
                .hasMessage(dir.resolve("missing.json") + " is not a load test results file: no such file");
    }

    @Test
    void argumentsNeedTwoFilesAndAPositiveThreshold() throws IOException {
        ResultsFile one = file("1.json", new Run(1, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> RunComparison.Arguments.parse(List.of("a.json")))
                .hasMessageStartingWith("give at least two results files, got 1");
        assertThatThrownBy(() -> RunComparison.Arguments.parse(List.of("--threshold", "lots", "a.json", "b.json")))
                .hasMessage("--threshold needs a number, was 'lots'");
        assertThatThrownBy(() -> RunComparison.Arguments.parse(List.of("--verbose", "a.json", "b.json")))
                .hasMessageStartingWith("unknown option --verbose");
        assertThatThrownBy(() -> new RunComparison(List.of(one, one), 0))
                .hasMessage("the threshold must be a percentage above 0, was 0.0");
        RunComparison.Arguments arguments = RunComparison.Arguments.parse(
                List.of("--threshold", "15", "--output", "s.json", "a.json", "b.json"));
        assertThat(arguments.thresholdPercent()).isEqualTo(15);
        assertThat(arguments.output()).isEqualTo(Path.of("s.json"));
        assertThat(arguments.files()).containsExactly(Path.of("a.json"), Path.of("b.json"));
    }
}
