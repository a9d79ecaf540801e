package locker.bench;

import locker.twin.stack.EmbeddedStack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded stack in a JVM of its own, started with {@code scripts/reference-server.sh} and warmed up, as
 * a deployed server is a process apart from its load generator: its CPU can then be told apart from Gatling's.
 */
final class ReferenceStackProcess implements AutoCloseable {
    static final String WARM_UP_SECONDS = "5";

    private final Process process;
    private final Map<String, String> clientSettings;

    private ReferenceStackProcess(Process process, Map<String, String> clientSettings) {
        this.process = process;
        this.clientSettings = clientSettings;
    }

    /** Starts the stack (this JVM's classpath: nothing is built) and waits for its settings lines. */
    static ReferenceStackProcess start(Path project, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(project.resolve("scripts/reference-server.sh").toString())
                    .directory(project.toFile())
                    .redirectError(log.toFile());
            builder.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
            builder.environment().put("SERVER_WARM_UP", WARM_UP_SECONDS);
            Process process = builder.start();
            Map<String, String> settings = new LinkedHashMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            while (settings.size() < EmbeddedStack.CLIENT_SETTINGS) {
                String line = lines.readLine();
                if (line == null || !line.contains("=")) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the reference server did not start; see " + log);
                }
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            return new ReferenceStackProcess(process, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BASE_URL, DB_*, REDIS_* of the stack. */
    Map<String, String> clientSettings() {
        return clientSettings;
    }

    /** The stack's JVM (the script execs Java, so it is the process started) and its PostgreSQL's port. */
    GatlingRun.Server server() {
        return new GatlingRun.Server(process.toHandle(), Integer.parseInt(clientSettings.get("DB_PORT")));
    }

    @Override
    public void close() {
        BenchmarkRuns.stop(process, 30);
    }
}
