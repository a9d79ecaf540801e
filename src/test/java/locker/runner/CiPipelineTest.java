package locker.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example pipeline is valid YAML, runs only commands its documentation page shows, and keeps the results. */
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
        assertThat(upload.path("with").path("path").asText()).contains("target/gatling/**", "load_test_results.json");
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws Exception {
        assertThat(Files.readString(Path.of(".ci/run")).lines().filter(line -> line.startsWith("./mvnw")))
                .containsExactly("./mvnw -B verify");
        assertThat(Files.readString(Path.of("README.md"))).contains("./mvnw verify ");
    }
}
