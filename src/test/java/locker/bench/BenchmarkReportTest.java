package locker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    @Test
    void theTableLinesUpItsColumnsAndSaysWhichGoalsAreMet() {
        BenchmarkReport report = new BenchmarkReport(Map.of("cores", 2), false);
        report.add(new BenchmarkReport.Row("rush of 1,000", "p95 < 250 ms", "p95 1.263 s", false, "./mvnw gatling:test", Map.of()));
        report.add(new BenchmarkReport.Row("seed / restore 1,000 users", "< 1 s each", "seed 0.2 s", true, "scripts/benchmark-seeding.sh", Map.of()));
        report.add(new BenchmarkReport.Row("start-up split", "–", "28.3 s", null, "./mvnw gatling:test", Map.of()));

        List<String> lines = report.table().lines().toList();

        assertThat(lines.get(0)).startsWith("figure").contains("| goal", "| measured", "| met");
        assertThat(lines.subList(0, 5)).extracting(line -> line.indexOf('|')).containsOnly(lines.get(0).indexOf('|'));
        assertThat(lines.get(2)).endsWith("| NO ");
        assertThat(lines.get(3)).endsWith("| yes");
        assertThat(lines.get(4)).endsWith("| –  ");
        assertThat(lines).contains("  seed / restore 1,000 users: scripts/benchmark-seeding.sh");
    }

    @Test
    void theJsonHoldsTheMachineAndEveryRowWithItsDetails(@TempDir Path dir) throws Exception {
        BenchmarkReport report = new BenchmarkReport(Map.of("cores", 2), true);
        report.add(new BenchmarkReport.Row("rush of 3,000", "p95 < 2 s", "p95 4.659 s", false, "./mvnw gatling:test",
                Map.of("runs", List.of(Map.of("name", "rush-3000", "exit_status", 1)))));

        report.write(dir.resolve("benchmark_results.json"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("benchmark_results.json").toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("machine", "quick", "rows");
        assertThat(json.path("rows").get(0).fieldNames()).toIterable()
                .containsExactly("figure", "goal", "measured", "met", "command", "details");
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(json.path("quick").asBoolean()).isTrue();
        assertThat(json.path("rows")).hasSize(1);
        JsonNode row = json.path("rows").get(0);
        assertThat(row.path("figure").asText()).isEqualTo("rush of 3,000");
        assertThat(row.path("met").asBoolean(true)).isFalse();
        assertThat(row.path("details").path("runs").get(0).path("exit_status").asInt()).isEqualTo(1);
    }
}
