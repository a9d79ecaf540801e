package locker.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Runs code with System.out and System.err captured (and still shown), for checking what it printed. */
public final class ConsoleCapture {
    public record Captured<T>(T result, String output) {}

    private ConsoleCapture() {}

    public static synchronized <T> Captured<T> capture(Supplier<T> code) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            T result = code.get();
            return new Captured<>(result, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
