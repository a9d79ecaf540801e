package locker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in headless Chromium (Debian's {@code chromium}, or {@code CHROMIUM=path}) as a person's
 * browser would: scripts run, and every console message the page raises (uncaught errors included) is
 * collected from Chromium's own log.
 */
public final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 90;

    private final String executable;

    public HeadlessChromium() {
        String configured = System.getenv("CHROMIUM");
        this.executable = configured == null || configured.isBlank() ? "chromium" : configured;
    }

    /** The DOM after the page's scripts ran, and the console messages they raised. */
    public record Page(String dom, List<String> consoleMessages) {}

    public Page render(Path html) {
        Run run = run(html, "--dump-dom");
        return new Page(run.stdout(), run.consoleMessages());
    }

    /** Saves a screenshot of the page; returns the console messages of that load. */
    public List<String> screenshot(Path html, Path png, int width, int height) {
        Run run = run(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot " + png + ": " + run.stderr());
        }
        return run.consoleMessages();
    }

    private record Run(String stdout, String stderr) {
        List<String> consoleMessages() {
            List<String> messages = new ArrayList<>();
            for (String line : stderr.split("\n")) {
                if (line.contains(":CONSOLE")) {
                    messages.add(line.substring(line.indexOf(":CONSOLE")));
                }
            }
            return messages;
        }
    }

    private Run run(Path html, String... action) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("chromium-profile");
            Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
            Path stderr = profile.resolveSibling(profile.getFileName() + ".err");
            List<String> command = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
            command.addAll(List.of(action));
            command.add(html.toAbsolutePath().toUri().toString());
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            Run run = new Run(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            Files.delete(stdout);
            Files.delete(stderr);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": " + run.stderr());
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " (install Debian's chromium)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
