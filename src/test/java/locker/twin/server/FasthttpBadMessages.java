package locker.twin.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The requests Jetty refuses before any handler runs, answered in fasthttp's words where fasthttp refuses them too: a
 * request line and headers over its 4 KiB buffer are 431 {@code Request Header Fields Too Large} as plain text, not
 * Jetty's HTML page. What Jetty alone refuses keeps Jetty's answer (docs/twin-fidelity-http.md lists it).
 */
final class FasthttpBadMessages extends ErrorHandler {
    private static final String TOO_LARGE = "Request Header Fields Too Large";

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        if (status != 431) {
            return super.badMessageError(status, reason, fields);
        }
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, HttpPipeline.TEXT));
        return ByteBuffer.wrap(TOO_LARGE.getBytes(StandardCharsets.UTF_8));
    }
}
