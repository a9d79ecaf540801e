package locker.loadtest.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import locker.config.Shard;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of several load generators (the GitHub Actions workflow and the Kubernetes Indexed Job) pass settings
 * the load test knows, give each generator its own SHARD_INDEX of SHARD_COUNT, and seed before and combine after.
 * Each generator's settings are read as the load test reads them: none is refused.
 */
class ShardExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DEFINE = Pattern.compile("-D([A-Za-z_.]+)=(\\S+)");
    private static final java.util.Set<String> SETTINGS = LoadTestConfig.from(source(Map.of())).settingNames;

    @Test
    void theWorkflowRunsOneGeneratorPerShardBetweenTheSeedAndTheCombination() throws Exception {
        JsonNode workflow = YAML.readTree(Path.of(".github/workflows/sharded-load-test.yml").toFile());
        Map<String, String> env = strings(workflow.path("env"));
        assertThat(env.keySet()).as("workflow env names settings").allSatisfy(name -> assertThat(SETTINGS).contains(name));
        assertThat(env).containsEntry("EXTERNAL_TEST_DATA", "true");
        int shards = Integer.parseInt(env.get("SHARD_COUNT"));

        JsonNode jobs = workflow.path("jobs");
        assertThat(runs(jobs.path("seed"))).containsExactly("scripts/seed_test_data.sh");
        JsonNode matrix = jobs.path("generator").path("strategy").path("matrix").path("shard");
        List<Integer> indexes = new ArrayList<>();
        matrix.forEach(index -> indexes.add(index.asInt()));
        assertThat(indexes).as("one generator per shard").isEqualTo(java.util.stream.IntStream.range(0, shards).boxed().toList());
        assertThat(jobs.path("generator").path("needs").asText()).isEqualTo("seed");
        String generator = runs(jobs.path("generator")).get(0);
        for (int index : indexes) {
            Map<String, String> settings = generatorSettings(env,
                    generator.replace("${{ matrix.shard }}", Integer.toString(index)));
            assertThat(LoadTestConfig.from(source(settings)).shard).isEqualTo(new Shard(index, shards));
        }

        JsonNode combine = jobs.path("combine");
        assertThat(combine.path("if").asText()).as("restores after a failed generator").contains("always()");
        assertThat(runs(combine)).singleElement().asString().startsWith("scripts/combine_shards.sh ")
                .contains("shard-*.json");
    }

    @Test
    void theIndexedJobsCompletionIndexIsTheShardIndex() throws Exception {
        List<JsonNode> jobs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(
                Path.of("docs/examples/kubernetes-sharded-load-test.yaml").toFile()).readAll();
        assertThat(jobs).extracting(job -> job.path("metadata").path("name").asText())
                .containsExactly("locker-loadtest-seed", "locker-loadtest-generators", "locker-loadtest-combine");
        JsonNode generators = jobs.get(1).path("spec");
        assertThat(generators.path("completionMode").asText()).isEqualTo("Indexed");
        JsonNode container = generators.path("template").path("spec").path("containers").get(0);
        Map<String, String> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable.path("value").asText()));
        assertThat(env.keySet()).allSatisfy(name -> assertThat(SETTINGS).contains(name));
        int shards = Integer.parseInt(env.get("SHARD_COUNT"));
        assertThat(generators.path("completions").asInt()).isEqualTo(shards);
        assertThat(generators.path("parallelism").asInt()).isEqualTo(shards);
        String command = container.path("command").get(2).asText();
        assertThat(command).contains("-DSHARD_INDEX=$JOB_COMPLETION_INDEX");
        Map<String, String> base = new HashMap<>(env);
        base.put("BASE_URL", "http://locker.example:3000");
        for (int index = 0; index < shards; index++) {
            Map<String, String> settings = generatorSettings(base,
                    command.replace("$JOB_COMPLETION_INDEX", Integer.toString(index)));
            assertThat(LoadTestConfig.from(source(settings)).shard).isEqualTo(new Shard(index, shards));
        }
        for (JsonNode job : List.of(jobs.get(0), jobs.get(2))) {
            JsonNode other = job.path("spec").path("template").path("spec").path("containers").get(0);
            other.path("env").forEach(variable -> assertThat(env).containsEntry(variable.path("name").asText(),
                    variable.path("value").asText()));
        }
        assertThat(jobs.get(0).toString()).contains("scripts/seed_test_data.sh");
        assertThat(jobs.get(2).toString()).contains("scripts/combine_shards.sh");
    }

    /** The settings a generator's command line adds to its environment; a placeholder stands for secrets. */
    private static Map<String, String> generatorSettings(Map<String, String> env, String command) {
        Map<String, String> settings = new HashMap<>();
        env.forEach((name, value) -> settings.put(name, value.contains("${{") ? placeholder(name) : value));
        Matcher define = DEFINE.matcher(command);
        while (define.find()) {
            assertThat(SETTINGS).as("-D" + define.group(1) + " is a setting").contains(define.group(1));
            settings.put(define.group(1), define.group(2));
        }
        return settings;
    }

    private static String placeholder(String name) {
        return switch (name) {
            case "BASE_URL" -> "http://locker.example:3000";
            case "DB_PORT", "REDIS_PORT" -> "5432";
            case "TOTAL_USERS" -> "4000";
            default -> "placeholder";
        };
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new HashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    private static List<String> runs(JsonNode job) {
        List<String> commands = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) {
                commands.add(step.path("run").asText().trim());
            }
        });
        return commands;
    }

    private static SettingSource source(Map<String, String> env) {
        return new SettingSource(name -> null, env, new Properties());
    }
}
