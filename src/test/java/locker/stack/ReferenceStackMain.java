package locker.stack;

import locker.reference.ReferenceServerSettings;

import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/reference-server.sh}: starts the embedded stack and keeps it up until interrupted.
 * Once ready it prints, one {@code NAME=value} line each, the settings a client needs.
 * {@code PORT} fixes the server's port (default: a free one).
 */
public final class ReferenceStackMain {
    private ReferenceStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        EmbeddedStack stack = EmbeddedStack.start(ReferenceServerSettings.fromEnvironment(System.getenv()), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stack-shutdown"));
        System.err.printf("reference stack ready in %d ms; Ctrl-C stops it%n", stack.startupMillis());
        stack.clientSettings().forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.flush();
        stopped.await();
    }
}
