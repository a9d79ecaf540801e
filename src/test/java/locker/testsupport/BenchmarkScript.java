package locker.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Test support: runs {@code scripts/benchmark.sh} as a user does, on the test's own classpath. */
public final class BenchmarkScript {
    public record Result(int exitCode, String output) {}

    private BenchmarkScript() {}

    public static Result run(Path dir, Map<String, String> environment, String... arguments) throws Exception {
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
