package locker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.results.report.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build and CI files: the example pipeline is valid YAML, runs only commands its documentation page shows and
 * keeps the results; {@code .ci/run} runs the README's test command with the checks only its profiles turn on.
 */
class CiPipelineTest {
    private static final Path PIPELINE = Path.of(".github/workflows/load-test.yml");
    private static final Path PIPELINE_DOCS = Path.of("docs/runner-and-ci.md");

    @Test
    void theExamplePipelineRunsTheDocumentedCommandsAndUploadsTheResults() throws Exception {
        JsonNode pipeline = new ObjectMapper(new YAMLFactory()).readTree(PIPELINE.toFile());
        String docs = Files.readString(PIPELINE_DOCS);

        JsonNode steps = pipeline.path("jobs").path("load-test").path("steps");
        assertThat(steps.isArray()).as("jobs.load-test.steps").isTrue();
        List<String> commands = new ArrayList<>();
        steps.forEach(step -> {
            if (step.has("run")) {
                commands.add(step.path("run").asText().trim());
            }
        });
        assertThat(commands).isNotEmpty().allSatisfy(command -> {
            assertThat(command).startsWith("./mvnw -B gatling:test");
            assertThat(docs).as(PIPELINE_DOCS + " documents " + command).contains(command);
        });
        assertThat(commands).anySatisfy(command -> assertThat(command).contains("SmokeSimulation"));

        JsonNode upload = steps.findParents("uses").stream()
                .filter(step -> step.path("uses").asText().startsWith("actions/upload-artifact"))
                .findFirst().orElseThrow();
        assertThat(upload.path("if").asText()).isEqualTo("always()");
        assertThat(upload.path("with").path("path").asText()).contains("target/gatling/**", "load_test_results.json",
                "target/gatling/*/" + JunitReport.FILE_NAME, "target/gatling/*/" + MarkdownSummary.FILE_NAME);

        JsonNode testResults = steps.findParents("uses").stream()
                .filter(step -> step.path("uses").asText().startsWith("mikepenz/action-junit-report"))
                .findFirst().orElseThrow();
        assertThat(testResults.path("if").asText()).isEqualTo("always()");
        assertThat(testResults.path("with").path("report_paths").asText()).isEqualTo("target/gatling/*/" + JunitReport.FILE_NAME);
    }

    @Test
    void ciRunsTheReadmesTestCommandWithTheBrowserCheck() throws Exception {
        assertThat(Files.readString(Path.of(".ci/run")).lines().filter(line -> line.startsWith("./mvnw")))
                .containsExactly("./mvnw -B verify -Pbrowser,nginx", "./mvnw -B -q gatling:enterprisePackage -Denterprise");
        assertThat(Files.readString(Path.of("README.md"))).contains("./mvnw verify ");
    }

    @Test
    void theDefaultBuildLeavesTheBrowserCheckToTheBrowserProfile() throws Exception {
        assertOnlyTheProfileRuns("browser", "**/*InBrowserIT.java",
                "src/test/java/locker/loadtest/results/report/ReportInBrowserIT.java");
    }

    @Test
    void theDefaultBuildLeavesTheCeilingStepToTheNginxProfile() throws Exception {
        assertOnlyTheProfileRuns("nginx", "**/*AgainstNginxIT.java",
                "src/test/java/locker/bench/CeilingAgainstNginxIT.java");
    }

    /** failsafe excludes {@code pattern} through {@code <profile>.tests.excluded}, which only that profile lifts. */
    private static void assertOnlyTheProfileRuns(String profileId, String pattern, String testFile) throws Exception {
        String property = profileId + ".tests.excluded";
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<" + property + ">" + pattern + "</" + property + ">")
                .contains("<exclude>${" + property + "}</exclude>");
        String profile = pom.substring(pom.indexOf("<id>" + profileId + "</id>"));
        profile = profile.substring(0, profile.indexOf("</profile>"));
        assertThat(profile).contains("<" + property + ">no-test-is-excluded</" + property + ">");
        assertThat(Path.of(testFile)).isRegularFile();
    }
}
