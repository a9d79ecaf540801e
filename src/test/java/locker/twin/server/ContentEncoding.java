package locker.twin.server;

import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A JSON or XML body as Fiber's {@code c.Body()} gives it: decoded by the last {@code Content-Encoding} line's
 * encodings in the order listed ({@code gzip}, {@code deflate}; spaces before each name dropped), stopping at the first
 * it does not know. A body that does not decode gives the decoder's error text instead, which then fails to parse, as
 * it does in the deployed server. Brotli ({@code br}, {@code brotli}) is not decoded here, no library of the project
 * reading it: such a body fails as one that does not decode.
 */
final class ContentEncoding {
    private ContentEncoding() {}

    static byte[] decode(Context ctx) {
        String header = HttpPipeline.lastHeader(ctx, "Content-Encoding");
        byte[] body = HttpPipeline.body(ctx);
        if (header == null || header.isEmpty()) {
            return body;
        }
        String[] encodings = header.split(",", -1);
        byte[] decoded = body;
        for (int i = 0; i < encodings.length; i++) {
            String encoding = encodings[i].stripLeading();
            if (encoding.equals("br") || encoding.equals("brotli")) {
                return "brotli: not decoded".getBytes(StandardCharsets.UTF_8);
            }
            if (!encoding.equals("gzip") && !encoding.equals("deflate")) {
                return i == 0 ? (encodings.length == 1 ? body : new byte[0]) : decoded;
            }
            try (InputStream in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(decoded))
                    : new InflaterInputStream(new ByteArrayInputStream(decoded))) {
                decoded = in.readAllBytes();
            } catch (IOException e) {
                return (encoding + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            }
        }
        return decoded;
    }
}
