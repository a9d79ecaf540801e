package locker.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one of the project's {@code scripts/} as a user does, from the project folder, its output into a log file. */
public final class ProjectScript {
    /** The variable that has a script use this JVM's classpath instead of building the project. */
    private static final String CLASSPATH = "LOADTEST_CLASSPATH";

    private ProjectScript() {}

    public record Result(int exitCode, String output) {}

    /**
     * Runs {@code scripts/<script>} with {@code arguments} and {@code environment} on top of this process's, waits at
     * most {@code timeout} (then stops it and fails, naming the log) and returns its status and output.
     */
    public static Result run(String script, List<String> arguments, Map<String, String> environment, Path log,
                             Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scripts/" + script));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not end within " + timeout.toSeconds() + " s; output in " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** {@code environment} with the variable that has the scripts run this JVM's classes rather than build them. */
    public static Map<String, String> onTestClasspath(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put(CLASSPATH, System.getProperty("java.class.path"));
        return all;
    }
}
