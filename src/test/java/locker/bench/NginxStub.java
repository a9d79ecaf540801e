package locker.bench;

import locker.contract.ApiRoute;
import locker.twin.stack.EmbeddedStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A canned locker server: Debian's nginx answering every call of the journey from its configuration
 * ({@value #TEMPLATE}), pinned to one core, so that a run against it measures the load generator alone.
 */
final class NginxStub implements AutoCloseable {
    static final String TEMPLATE = "scripts/ceiling-stub/nginx.conf.template";
    static final String PORT_PLACEHOLDER = "@PORT@";
    /** How root installs Debian's nginx; {@link #nginx} runs it when nginx is missing. */
    static final String INSTALL_COMMAND = "apt-get install -y nginx";
    static final String INSTALL_HINT = "install Debian's nginx (as root: " + INSTALL_COMMAND + ")";
    /** The log of that installation, beside the run's other logs. */
    static final String INSTALL_LOG = "nginx-install.log";
    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    /** The stub cannot run on this machine; the message says what to install. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Process process;
    private final int port;

    private NginxStub(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The configuration for a stub listening on 127.0.0.1:{@code port}. */
    static String render(String template, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the stub's port must be 1..65535; was " + port);
        }
        if (!template.contains(PORT_PLACEHOLDER)) {
            throw new IllegalArgumentException("the stub's configuration has no " + PORT_PLACEHOLDER + " to fill in");
        }
        return template.replace(PORT_PLACEHOLDER, Integer.toString(port));
    }

    /** nginx's path; as root, installs Debian's nginx first when it is missing. */
    static Path nginx(Path log) {
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new Unavailable("the ceiling step needs nginx, which is not installed: " + INSTALL_HINT);
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder install = new ProcessBuilder(INSTALL_COMMAND.split(" "))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            install.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int status = install.start().waitFor();
            return find().orElseThrow(() -> new Unavailable(INSTALL_COMMAND + " failed (exit status " + status
                    + ", see " + log + "); the ceiling step needs nginx: " + INSTALL_HINT));
        } catch (IOException e) {
            throw new Unavailable("cannot run apt-get (" + e.getMessage() + "); the ceiling step needs nginx: "
                    + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while installing nginx");
        }
    }

    private static Optional<Path> find() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "nginx"));
        return Stream.concat(NGINX.stream(), onPath).filter(Files::isExecutable).findFirst();
    }

    /**
     * Renders the configuration into {@code directory}, starts nginx there on a free loopback port (pinned with
     * {@code taskset -c core}, its output to {@code log}) and waits until it answers its health check.
     */
    static NginxStub start(Path project, Path directory, String core, Path log) {
        try {
            return start(Files.readString(project.resolve(TEMPLATE)), directory, core, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same with the configuration {@code template} (the project's, or one altered by a test). */
    static NginxStub start(String template, Path directory, String core, Path log) {
        Path nginx = nginx(log.resolveSibling(INSTALL_LOG));
        try {
            int port = EmbeddedStack.freePort();
            Files.createDirectories(directory.resolve("tmp"));
            Path config = directory.resolve("nginx.conf");
            Files.writeString(config, render(template, port));
            Process process = new ProcessBuilder("taskset", "-c", core, nginx.toString(),
                    "-p", directory.toAbsolutePath() + "/", "-c", config.toAbsolutePath().toString(), "-e", "stderr")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NginxStub stub = new NginxStub(process, port);
            stub.awaitHealthy(log);
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + ApiRoute.HEALTH.fullPath()))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended with exit status " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        close();
        throw new IllegalStateException("nginx did not answer " + baseUrl() + ApiRoute.HEALTH.fullPath() + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        BenchmarkRuns.stop(process, 10);
    }
}
