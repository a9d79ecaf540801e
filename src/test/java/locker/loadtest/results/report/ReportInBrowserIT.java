package locker.loadtest.results.report;

import locker.testsupport.Folders;
import locker.testsupport.HeadlessChromium;
import locker.testsupport.ReportFixtureSimulation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real report, with its "Locker rush" section, in headless Chromium (Debian's {@code chromium}, or
 * {@code CHROMIUM=path}): the page's scripts run without a console message, Gatling's charts are drawn and the
 * section reads as it should. Needs Chromium, so only {@code ./mvnw verify -Pbrowser} runs it (CI does).
 * The screenshot it takes stays in {@value #SCREENSHOT}.
 */
class ReportInBrowserIT {
    static final String SCREENSHOT = "target/results-it/browser/report-screenshot.png";
    private static final Path WORK = Path.of("target", "results-it", "browser").toAbsolutePath();

    private static Path index;

    @BeforeAll
    static void runTheFixture() throws IOException {
        Folders.deleteRecursively(WORK);
        ReportFixtureSimulation.runAsDesigned(WORK);
        try (Stream<Path> children = Files.list(WORK)) {
            index = children.filter(Files::isDirectory).findFirst().orElseThrow().resolve("index.html");
        }
    }

    @Test
    void theReportAndItsLockerRushLookRightInABrowser() throws IOException {
        HeadlessChromium chromium = new HeadlessChromium();
        HeadlessChromium.Page page = chromium.render(index);
        assertThat(page.consoleMessages()).isEmpty();
        Document dom = Jsoup.parse(page.dom());
        assertThat(dom.select("#container_statistics_body .ellipsed-name").eachText())
                .containsAll(List.of("POST /auth/login-or-register", "GET /lockers", "POST /lockers/{id}/hold",
                        "POST /lockers/{id}/confirm", "POST /lockers/{id}/release-hold", "GET /lockers/me"));
        assertThat(dom.select("#container_number_of_requests .highcharts-container")).as("charts drawn by the page's scripts").isNotEmpty();

        String section = dom.select("#" + LockerRushSection.SECTION_ID).text();
        assertThat(section).contains("Locker rush", "What happened to the students", "holds won (201) 1",
                "lost the race (409 on every locker tried) " + (ReportFixtureSimulation.USERS - 1),
                "Database invariants after the run", "PASS no locker has two owners none",
                "Restore: not needed", "Server metrics", "MiB", "% of all cores", "Settings of the run");
        assertThat(dom.select("#" + LockerRushSection.SECTION_ID + " svg polyline")).isNotEmpty();

        Path screenshot = Path.of(SCREENSHOT).toAbsolutePath();
        assertThat(chromium.screenshot(index, screenshot, 1400, 1800)).isEmpty();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);

        Path broken = index.resolveSibling("index-with-script-error.html");
        Files.writeString(broken, Files.readString(index).replace("<title>",
                "<script>setTimeout(function () { noSuchFunction(); }, 10);</script><title>"));
        assertThat(chromium.render(broken).consoleMessages()).as("the detector sees a script error")
                .anyMatch(message -> message.contains("noSuchFunction"));
        Files.delete(broken);
    }
}
