package locker.twin.stack;

import locker.twin.server.ReferenceServerSettings;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/reference-server.sh}: starts the embedded stack and keeps it up until interrupted.
 * Once ready it prints, one {@code NAME=value} line each, the settings a client needs.
 * {@code PORT} fixes the server's port (default: a free one); {@code SERVER_WARM_UP} warms the server up
 * for that many seconds before it is announced (default 0). The server's own settings are read by
 * {@link ReferenceServerSettings#fromEnvironment}: {@code LOCKER_APPLICATION_START}/{@code _END} (unset: open
 * for the run; once either is set, an unset END refuses every hold, as deployed), {@code DB_POOL_SIZE}
 * (default 10), {@code HOLD_TTL_SECONDS}, {@code JWT_SECRET}. Every setting is checked
 * before anything starts: a bad one is reported and the exit status is 2.
 */
public final class ReferenceStackMain {
    private ReferenceStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        // standard output carries the client settings alone; log lines, a warning under load among them, go to stderr
        PrintStream settingsOut = System.out;
        System.setOut(System.err);
        Map<String, String> env = System.getenv();
        int port;
        Duration warmUp;
        ReferenceServerSettings settings;
        try {
            port = wholeNumber(env, "PORT", 0, 65_535);
            warmUp = Duration.ofSeconds(wholeNumber(env, "SERVER_WARM_UP", 0, 600));
            settings = ReferenceServerSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            System.err.println("reference-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        EmbeddedStack stack = EmbeddedStack.start(settings, port);
        if (!warmUp.isZero()) {
            System.err.println("reference stack warmed up: " + ServerWarmUp.run(stack, warmUp));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        System.err.printf("reference stack ready in %d ms; Ctrl-C stops it%n", stack.startupMillis());
        stack.clientSettings().forEach((name, value) -> settingsOut.println(name + "=" + value));
        settingsOut.flush();
        stopped.await();
    }

    private static int wholeNumber(Map<String, String> env, String name, int min, int max) {
        String value = env.getOrDefault(name, "").trim();
        if (value.isEmpty()) {
            return min;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '"
                + value + "'");
    }
}
