package locker.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code scripts/benchmark.sh} as a user does, on the test's own classpath, in a folder of its own for
 * each test: {@code @RegisterExtension final BenchmarkScript benchmark = new BenchmarkScript();}
 */
public final class BenchmarkScript implements BeforeEachCallback, AfterEachCallback {
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

    public ProjectScript.Result run(String... arguments) throws Exception {
        return run(Map.of(), arguments);
    }

    public ProjectScript.Result run(Map<String, String> environment, String... arguments) throws Exception {
        return ProjectScript.run("benchmark.sh", List.of(arguments), ProjectScript.onTestClasspath(environment),
                dir.resolve("benchmark.log"), Duration.ofMinutes(5));
    }
}
