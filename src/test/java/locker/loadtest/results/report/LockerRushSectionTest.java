package locker.loadtest.results.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.RunResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The section on a minimal page shaped like Gatling's; ResultsExportIT checks it on a real report. */
class LockerRushSectionTest {
    private static final String PAGE = """
            <html><head><title>report</title></head><body><div class="nav"><ul><li>Stats</li></ul></div>
            <div class="article"><div class="schema-container"><span class="simulation-information-item">
            <span class="simulation-information-label">Description: </span><span>&mdash;</span></span></div></div>
            </body></html>""";

    @Test
    void everyOutcomeOfTheResultsIsShownAndTheBatchProfileExplainsGatlingsUsers(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve(ReportHtml.INDEX), PAGE);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("profile", "batch");
        config.put("total_users", 1000);
        config.put("concurrent_users", 50);
        config.put("confirmation_rate", 0.5);
        config.put("base_url", "http://127.0.0.1:40000");
        config.put("db", "embedded");
        config.put("simulation_class", "locker.loadtest.simulation.LockerReservationSimulation");
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("holds_won", 40L);
        outcomes.put("hold_refused_by_db", 3L);

        config.put("total_users", 10);
        LockerRushSection.addTo(run, results(config, outcomes));
        config.put("total_users", 1000);
        LockerRushSection.addTo(run, results(config, outcomes));

        Document html = Jsoup.parse(run.resolve(ReportHtml.INDEX).toFile(), "UTF-8");
        assertThat(html.select("#locker-rush")).hasSize(1);
        assertThat(html.select("#locker-rush-nav")).hasSize(1);
        assertThat(html.select("tr[data-outcome=hold_refused_by_db] td").eachText()).containsExactly("hold refused by db", "3");
        assertThat(html.select("#locker-rush-users-note").text()).contains("50 slots of CONCURRENT_USERS", "not the 1000 students");
        assertThat(html.select("#locker-rush").text()).contains("Not checked: no database connection.",
                "None sampled for this run.", "No restore recorded for this run.");
        assertThat(html.select(".simulation-information-label + span").text())
                .isEqualTo("1,000 students, batch of 50, confirm 50 %, embedded reference stack");
    }

    /** Results with nothing but the settings and the outcomes: no database, no metrics, no test data. */
    private static RunResults results(Map<String, Object> config, Map<String, Long> outcomes) {
        return RunResults.of(new ObjectMapper().valueToTree(Map.of("config", config,
                "summary", Map.of("scenario_outcomes", outcomes))));
    }

    @Test
    void aSimulationThatPicksItsOwnStudentsIsNotDescribedByTheLoadSettings() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("profile", "batch");
        config.put("total_users", 1000);
        config.put("concurrent_users", 50);
        config.put("base_url", "http://staging.example:3000");
        config.put("simulation_class", "locker.loadtest.simulation.SmokeSimulation");
        assertThat(RunDescription.of(config)).isEqualTo("SmokeSimulation, against http://staging.example:3000");
        assertThat(RunDescription.followsTheLoadSettings(config)).isFalse();
    }

    @Test
    void aChartSpansTheSeriesFromZeroToItsPeak() {
        Document page = Jsoup.parse("");
        ServerMetricsView.Metric metric = new ServerMetricsView.Metric("jvm_heap_used", "heap", "MiB", 200,
                List.of(0.0, 100.0, 200.0));
        String points = LockerRushSection.chart(page, metric).selectFirst("polyline").attr("points");
        assertThat(points).isEqualTo("1.0,42.0 130.0,22.0 259.0,2.0");
        assertThat(metric.peakWithUnit()).isEqualTo("200 MiB");
        assertThat(metric.withUnit(38.784)).isEqualTo("38.78 MiB");
    }
}
