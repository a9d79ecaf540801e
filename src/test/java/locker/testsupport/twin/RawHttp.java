package locker.testsupport.twin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP/1.1 over a plain socket, for the exact bytes and headers of an answer (one request per connection). */
public final class RawHttp {
    /** An answer as it came over the wire: status and reason phrase, headers in order, and the body bytes. */
    public record Answer(int status, String reason, List<String[]> headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        public List<String> headerNames() {
            return headers.stream().map(h -> h[0].toLowerCase(Locale.ROOT)).toList();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(status);
            headers.forEach(h -> text.append("\n").append(h[0]).append(": ").append(h[1]));
            return text.append("\n\n").append(text()).toString();
        }
    }

    private final String host;
    private final int port;

    public RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    public Answer send(String method, String target, String... headerLines) {
        return send(method, target, null, headerLines);
    }

    /** Sends the request with the given header lines ({@code Name: value}) and body, and reads the whole answer. */
    public Answer send(String method, String target, byte[] body, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream(), method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} byte for byte (its own request line, headers and body) and reads the whole answer. */
    public Answer sendRaw(byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[]{lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(all, end + 4, all.length - end - 4);
        byte[] bytes = body.toByteArray();
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                && h[1].equalsIgnoreCase("chunked"));
        return new Answer(status, statusLine.length > 2 ? statusLine[2] : "", headers,
                chunked && !head ? unchunk(bytes) : bytes);
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(chunked, position);
            int size = Integer.parseInt(new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("malformed chunked body");
    }
}
