package locker.bench.differential;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact bytes of one request, written as a string of bytes (one char per byte, ISO-8859-1), so that a case can
 * send what no HTTP library would: control characters, two Host headers, obs-fold, a bare {@code *} target.
 * {@code {authority}} anywhere in the head or body stands for the target's host and port.
 */
final class WireRequest {
    static final String AUTHORITY = "{authority}";

    private final String method;
    private final String target;
    private String version = "HTTP/1.1";
    private final List<String> headerLines = new ArrayList<>();
    private byte[] body;
    private boolean host = true;
    private boolean close = true;
    private boolean contentLength = true;
    private String rawHead;
    private boolean expectContinue;
    private boolean watchConnection;
    private boolean shortTimeout;

    private WireRequest(String method, String target) {
        this.method = method;
        this.target = target;
    }

    static WireRequest get(String target) {
        return new WireRequest("GET", target);
    }

    static WireRequest post(String target) {
        return new WireRequest("POST", target);
    }

    static WireRequest method(String method, String target) {
        return new WireRequest(method, target);
    }

    /** A whole head as bytes, CRLFs included, sent as it is (only {@code {authority}} is replaced). */
    static WireRequest raw(String head) {
        WireRequest request = new WireRequest(head.substring(0, Math.max(0, head.indexOf(' '))), "");
        request.rawHead = head;
        return request;
    }

    /** A header whose value is sent as UTF-8. */
    WireRequest header(String name, String value) {
        headerLines.add(name + ": " + bytes(value));
        return this;
    }

    /** A header line sent byte for byte. */
    WireRequest headerLine(String line) {
        headerLines.add(line);
        return this;
    }

    WireRequest bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    WireRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    WireRequest body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = bytes;
        return this;
    }

    /** A body given as a string of bytes. */
    WireRequest bodyBytes(String contentType, String byteString) {
        return body(contentType, byteString.getBytes(StandardCharsets.ISO_8859_1));
    }

    WireRequest version(String version) {
        this.version = version;
        return this;
    }

    WireRequest withoutHost() {
        host = false;
        return this;
    }

    /** No {@code Connection: close}: the connection is the server's to keep or close. */
    WireRequest withoutClose() {
        close = false;
        return this;
    }

    /** The body without a Content-Length of its own (the case gives the framing in its headers). */
    WireRequest withoutContentLength() {
        contentLength = false;
        return this;
    }

    /** Sends the head, waits briefly for {@code 100 Continue}, then the body. */
    WireRequest expectContinue() {
        expectContinue = true;
        header("Expect", "100-continue");
        return this;
    }

    /** After the answer, records whether the server kept the connection, closed it or sent more. */
    WireRequest watchConnection() {
        watchConnection = true;
        return this;
    }

    /** Waits only the comparison's short time for an answer ({@code --no-answer-seconds}). */
    WireRequest shortTimeout() {
        shortTimeout = true;
        return this;
    }

    boolean expectsContinue() {
        return expectContinue;
    }

    boolean watchesConnection() {
        return watchConnection;
    }

    boolean hasShortTimeout() {
        return shortTimeout;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** The head's bytes for this authority ({@code host:port}). */
    byte[] head(String authority) {
        if (rawHead != null) {
            return rawHead.replace(AUTHORITY, authority).getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(target.replace(AUTHORITY, authority))
                .append(' ').append(version).append("\r\n");
        if (host) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        for (String line : headerLines) {
            head.append(line.replace(AUTHORITY, authority)).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        if (body != null && contentLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[] body() {
        return body == null ? new byte[0] : body;
    }

    /** The request line as shown in the report, control characters and bytes over 0x7e escaped. */
    String line() {
        String text = rawHead != null ? rawHead : method + " " + target + " " + version;
        int end = text.indexOf("\r\n");
        return Texts.escape(end < 0 ? text : text.substring(0, end), 200);
    }

    /** {@code text}'s UTF-8 bytes as a string of bytes. */
    static String bytes(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** {@code body} framed as chunks of {@code chunkSize} bytes, ended by the last chunk. */
    static byte[] chunked(byte[] body, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / chunkSize * 8 + 16);
        for (int offset = 0; offset < body.length; offset += chunkSize) {
            int length = Math.min(chunkSize, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
