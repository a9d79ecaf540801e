package locker.testsupport;

import locker.twin.stack.EmbeddedStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a simulation the way gatling-maven-plugin does: Gatling's main class in a JVM of its own, on this
 * JVM's classpath, so that the after-run export happens at that JVM's exit as in a real run.
 */
public final class GatlingFork {
    private static final long TIMEOUT_SECONDS = 180;

    private GatlingFork() {}

    public record Result(int exitCode, String output) {}

    /**
     * The settings of a run against {@code stack} as a server at BASE_URL (with its database and Redis), writing
     * {@code resultsFile}, with the setting pairs given (name, value, name, value, ...) on top.
     */
    public static Map<String, String> settings(EmbeddedStack stack, Path resultsFile, String... pairs) {
        Map<String, String> settings = new java.util.HashMap<>(stack.clientSettings());
        settings.put("RESULTS_FILENAME", resultsFile.toString());
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put(pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    public static Result run(Class<?> simulation, Path resultsDirectory, Map<String, String> systemProperties) {
        try {
            Started started = start(simulation, resultsDirectory, systemProperties);
            if (!started.process().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                started.process().destroyForcibly();
                throw new IllegalStateException("Gatling did not finish within " + TIMEOUT_SECONDS + " s; see "
                        + started.log());
            }
            return new Result(started.process().exitValue(), started.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Gatling JVM started and not waited for, with the file its output goes to. */
    public record Started(Process process, Path log) {
        public String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts the simulation the same way, for a test that stops the JVM itself. */
    public static Started start(Class<?> simulation, Path resultsDirectory, Map<String, String> systemProperties) {
        try {
            Files.createDirectories(resultsDirectory);
            Path log = resultsDirectory.resolve("gatling-fork-" + simulation.getSimpleName() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xmx512m"));
            command.add("-DGATLING_RESULTS_DIR=" + resultsDirectory);
            // the JVM's user preferences in a folder of its own, removed when it ends: JVMs started at once otherwise
            // contend for one lock file in the home folder and print "Couldn't flush user prefs: ...Exception..."
            Path preferences = Files.createTempDirectory("gatling-fork-prefs");
            command.add("-Djava.util.prefs.userRoot=" + preferences);
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                    "--simulation", simulation.getName(), "--results-folder", resultsDirectory.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.onExit().thenRun(() -> {
                try {
                    Folders.deleteRecursively(preferences);
                } catch (IOException e) {
                    // a few bytes left in the temporary folder
                }
            });
            return new Started(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
