package locker.loadtest.capacity;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReportTest {
    private static final CapacityGoals GOALS = new CapacityGoals(1000, 3000, 95, 100, 50);

    private static CapacityResult result() {
        LevelFigures met = new LevelFigures(25, 20, 2000, 0, 100, 12.5, 40, 80, 100, Map.of("confirmed", 30L), List.of());
        LevelFigures broken = new LevelFigures(50, 20, 2400, 3, 120, 900, 3100, 4000, 99.88, Map.of(),
                List.of("MAX_P95_RESPONSE_TIME (p95 3100 ms >= 3000 ms)"));
        return new CapacityResult(GOALS, List.of(25, 50, 100), List.of(met, broken), 25, 50,
                broken.brokenGoals(), true, "level of 50 students broke MAX_P95_RESPONSE_TIME", false);
    }

    @Test
    void theFragmentHasATableRowPerLevelAndAnInlineChartWithoutScripts() {
        Document page = Jsoup.parse("<html><body></body></html>");
        Element fragment = CapacityReport.render(result());
        page.body().appendChild(fragment);

        assertThat(page.select("table.capacity-levels tbody tr")).hasSize(2);
        assertThat(page.select("table.capacity-levels tbody tr.broken td").last().text())
                .isEqualTo("broke MAX_P95_RESPONSE_TIME (p95 3100 ms >= 3000 ms)");
        assertThat(page.select("table.capacity-levels tbody tr.met td").get(7).text()).isEqualTo("30");
        assertThat(page.select("svg.capacity-chart polyline.p95")).hasSize(1);
        assertThat(page.select("svg.capacity-chart polyline.throughput").attr("points").split(" ")).hasSize(2);
        assertThat(page.select("svg.capacity-chart line.p95-goal")).hasSize(1);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("p.capacity-verdict").text())
                .contains("largest level meeting every goal: 25", "first level to break one: 50", "NOT met");
    }

    @Test
    void theConsoleBlockListsEveryLevelAndTheVerdict() {
        String console = CapacityReport.console(result());
        assertThat(console).contains("Capacity search", "        25      2000     100.0      12.5       40       80   100.00%  all met",
                "broke MAX_P95_RESPONSE_TIME", "stopped early: level of 50 students");
    }
}
