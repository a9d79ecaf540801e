package locker.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code scripts/benchmark.sh} as a user does, on the test's own classpath, in a folder of its own for
 * each test: {@code @RegisterExtension final BenchmarkScript benchmark = new BenchmarkScript();}
 */
public final class BenchmarkScript implements BeforeEachCallback, AfterEachCallback {
    public record Result(int exitCode, String output) {}

    private Path dir;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("benchmark-script");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Folders.deleteRecursively(dir);
    }

    /** The test's folder: the benchmark's log and whatever the test has it write. */
    public Path dir() {
        return dir;
    }

    public Result run(String... arguments) throws Exception {
        return run(Map.of(), arguments);
    }

    public Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("scripts/benchmark.sh"));
        command.addAll(List.of(arguments));
        Path log = dir.resolve("benchmark.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the benchmark ended within 5 minutes").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
