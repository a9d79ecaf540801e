package locker.bench.differential;

import locker.bench.differential.WireAnswer.Header;
import locker.bench.differential.WireAnswer.Outcome;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** Sends a {@link WireRequest} over a socket of its own and reads the answer as it comes, one request per connection. */
final class WireClient {
    private static final int CONNECT_MILLIS = 5_000;
    private static final int CONTINUE_WAIT_MILLIS = 1_000;
    private static final int WATCH_MILLIS = 500;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Bodies above this are written by a thread of their own, so that an early answer is read while they are sent. */
    private static final int WRITE_APART_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final String authority;
    private final int timeoutMillis;
    private final int shortTimeoutMillis;

    WireClient(String baseUrl, Duration timeout, Duration shortTimeout) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.authority = host + ":" + port;
        this.timeoutMillis = (int) timeout.toMillis();
        this.shortTimeoutMillis = (int) shortTimeout.toMillis();
    }

    String authority() {
        return authority;
    }

    WireAnswer exchange(WireRequest request) {
        int waitMillis = request.hasShortTimeout() ? shortTimeoutMillis : timeoutMillis;
        AtomicReference<String> writeFailure = new AtomicReference<>();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            try {
                socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            } catch (IOException e) {
                return WireAnswer.failed(Outcome.NO_ANSWER, "could not connect: " + e.getMessage());
            }
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] head = request.head(authority);
            byte[] body = request.body();
            String interim = "";
            Head first = null;
            if (request.expectsContinue()) {
                out.write(head);
                out.flush();
                socket.setSoTimeout(CONTINUE_WAIT_MILLIS);
                first = readHeadOrNull(in);
                socket.setSoTimeout(waitMillis);
                if (first == null || first.status == 100) {
                    interim = first == null ? "no 100 Continue within 1 s" : first.statusLine();
                    first = null;
                    write(out, body, writeFailure);
                }
            } else if (body.length > WRITE_APART_BYTES) {
                Thread writer = new Thread(() -> {
                    write(out, head, writeFailure);
                    write(out, body, writeFailure);
                }, "differential-writer");
                writer.setDaemon(true);
                writer.start();
                socket.setSoTimeout(waitMillis);
            } else {
                byte[] all = new byte[head.length + body.length];
                System.arraycopy(head, 0, all, 0, head.length);
                System.arraycopy(body, 0, all, head.length, body.length);
                write(out, all, writeFailure);
                socket.setSoTimeout(waitMillis);
            }
            return read(request, socket, in, first, interim, waitMillis, writeFailure);
        } catch (IOException e) {
            return WireAnswer.failed(Outcome.RESET, e.getMessage());
        }
    }

    private static void write(OutputStream out, byte[] bytes, AtomicReference<String> failure) {
        if (failure.get() != null) {
            return;
        }
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            failure.set(e.getMessage());
        }
    }

    private WireAnswer read(WireRequest request, Socket socket, InputStream in, Head first, String interim,
                            int waitMillis, AtomicReference<String> writeFailure) throws IOException {
        Head head = first;
        try {
            while (head == null || head.status >= 100 && head.status < 200) {
                if (head != null) {
                    interim = interim.isEmpty() ? head.statusLine() : interim + "; " + head.statusLine();
                }
                head = readHead(in);
                if (head == null) {
                    return WireAnswer.failed(Outcome.CLOSED_WITHOUT_ANSWER, writeNote(writeFailure));
                }
            }
        } catch (SocketTimeoutException e) {
            return WireAnswer.failed(Outcome.NO_ANSWER, "no answer within " + seconds(waitMillis) + writeNote(writeFailure));
        } catch (SocketException e) {
            return WireAnswer.failed(Outcome.RESET, e.getMessage() + writeNote(writeFailure));
        } catch (NotHttp e) {
            return WireAnswer.failed(Outcome.INCOMPLETE, e.getMessage() + writeNote(writeFailure));
        } catch (EOFException e) {
            return WireAnswer.failed(Outcome.INCOMPLETE, "the head ended early" + writeNote(writeFailure));
        }
        byte[] body;
        Outcome outcome = Outcome.ANSWERED;
        String detail = "";
        try {
            body = readBody(request, head, in);
        } catch (SocketTimeoutException e) {
            body = new byte[0];
            outcome = Outcome.INCOMPLETE;
            detail = "the body did not come within " + seconds(waitMillis);
        } catch (IOException e) {
            body = new byte[0];
            outcome = Outcome.INCOMPLETE;
            detail = "the body ended early: " + e.getMessage();
        }
        String after = request.watchesConnection() ? watch(socket, in) : "";
        return new WireAnswer(outcome, detail, head.status, head.reason, head.headers, body, interim, after);
    }

    private static String writeNote(AtomicReference<String> writeFailure) {
        // the failure's own words depend on timing (broken pipe or reset), so they are left out
        return writeFailure.get() == null ? "" : " (the request could not be sent whole)";
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String watch(Socket socket, InputStream in) {
        try {
            socket.setSoTimeout(WATCH_MILLIS);
            int next = in.read();
            if (next < 0) {
                return "closed";
            }
            ByteArrayOutputStream more = new ByteArrayOutputStream();
            more.write(next);
            while (more.size() < 200) {
                int b = in.read();
                if (b < 0 || b == '\r' || b == '\n') {
                    break;
                }
                more.write(b);
            }
            return "more bytes: " + Texts.escape(more.toString(StandardCharsets.ISO_8859_1), 200);
        } catch (SocketTimeoutException e) {
            return "kept open";
        } catch (IOException e) {
            return "reset";
        }
    }

    /** Bytes came back, but not an HTTP status line and headers. */
    private static final class NotHttp extends IOException {
        NotHttp(String firstBytes) {
            super("not an HTTP answer: " + Texts.escape(firstBytes, 120));
        }
    }

    private record Head(int status, String reason, List<Header> headers) {
        String statusLine() {
            return status + (reason.isEmpty() ? "" : " " + reason);
        }

        String header(String name) {
            return WireAnswer.header(headers, name);
        }
    }

    private static Head readHeadOrNull(InputStream in) throws IOException {
        try {
            return readHead(in);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** The status line and headers; null when the connection closed before any byte. */
    private static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean lineEmpty = true;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                throw text.startsWith("HTTP/") ? new EOFException() : new NotHttp(text);
            }
            bytes.write(b);
            if (b == '\n') {
                if (lineEmpty && bytes.size() > 2) {
                    break;
                }
                lineEmpty = true;
            } else if (b != '\r') {
                lineEmpty = false;
            }
            if (bytes.size() > MAX_HEAD_BYTES) {
                throw new NotHttp(bytes.toString(StandardCharsets.ISO_8859_1));
            }
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine.length > 1 ? statusLine[1] : "");
        } catch (NumberFormatException e) {
            throw new NotHttp(text);
        }
        if (!statusLine[0].startsWith("HTTP/")) {
            throw new NotHttp(text);
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                headers.add(new Header(lines[i], ""));
            } else {
                headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
        }
        return new Head(status, statusLine.length > 2 ? statusLine[2] : "", headers);
    }

    private static byte[] readBody(WireRequest request, Head head, InputStream in) throws IOException {
        if (request.isHead() || head.status == 204 || head.status == 304) {
            return new byte[0];
        }
        String transferEncoding = head.header("Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunks(in);
        }
        String contentLength = head.header("Content-Length");
        if (contentLength != null) {
            int length = Integer.parseInt(contentLength.split(",")[0].trim());
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException(body.length + " of " + length + " bytes");
            }
            return body;
        }
        return in.readAllBytes();
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended early");
            }
            body.writeBytes(chunk);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("a chunk ended early");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }
}
