package locker.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one simulation in its own JVM, as {@code ./mvnw gatling:test} does, with settings given as
 * {@code -DNAME=value}: for tests that need a whole run, its exit code, output and report.
 */
public final class GatlingProcess {
    /** The outcome of a run: exit code, everything it printed, and the folder its report went to. */
    public record Result(int exitCode, String output, Path resultsFolder) {
        /** The run's report folder (Gatling makes one per run below the results folder). */
        public Path reportFolder() throws IOException {
            try (var folders = Files.list(resultsFolder)) {
                return folders.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no report in " + resultsFolder + ":\n" + output));
            }
        }
    }

    private GatlingProcess() {}

    public static Result run(Class<?> simulation, Map<String, String> settings, Path resultsFolder)
            throws IOException, InterruptedException {
        Files.createDirectories(resultsFolder);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED"));
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", simulation.getName(), "--results-folder", resultsFolder.toString()));
        Path log = Files.createTempFile("gatling-run", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the simulation did not end within 10 minutes; output in " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output, resultsFolder);
    }
}
