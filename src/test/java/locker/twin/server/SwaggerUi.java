package locker.twin.server;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET|HEAD /swagger/*} as fiber-swagger v1.3.0 answers it for the deployed server (deployed service §5.2). It
 * splits the decoded, cleaned path at its last slash: nothing after it redirects to {@code index.html} under the
 * prefix that the first swagger request of the process fixed; {@code index.html} is fiber-swagger's page with its
 * defaults; {@code doc.json} is the API document, here the twin's own (the deployed one is generated from the deployed
 * server's annotations, which this project does not copy); any other name is looked up under that prefix among the
 * swagger-ui 4.11.0 files fiber-swagger embeds (the same build, from the swagger-ui-dist webjar) and served as Go's
 * {@code http.ServeContent} serves a file: {@code Etag}, {@code Last-Modified} at start-up, {@code Accept-Ranges},
 * 304 to a matching {@code If-None-Match} or {@code If-Modified-Since} (a {@code Range} is not served in part:
 * docs/twin-fidelity-http.md); else 404 {@code Not Found}. fiber-swagger then sets the content type of {@code .css},
 * {@code .js} and {@code .png} names whatever the answer was.
 */
final class SwaggerUi {
    /** Where the swagger-ui-dist webjar keeps its files: its version is the one pom.xml pins. */
    static final String WEBJAR = "META-INF/resources/webjars/swagger-ui-dist/4.11.0/";
    /** The files swaggo/files embeds; the webjar holds a few more (its README, package.json ...) that are not served. */
    private static final Set<String> FILES = Set.of("favicon-16x16.png", "favicon-32x32.png", "index.css",
            "oauth2-redirect.html", "swagger-initializer.js", "swagger-ui-bundle.js", "swagger-ui-bundle.js.map",
            "swagger-ui-es-bundle-core.js", "swagger-ui-es-bundle-core.js.map", "swagger-ui-es-bundle.js",
            "swagger-ui-es-bundle.js.map", "swagger-ui-standalone-preset.js", "swagger-ui-standalone-preset.js.map",
            "swagger-ui.css", "swagger-ui.css.map", "swagger-ui.js", "swagger-ui.js.map");
    /** fiber-swagger's types by extension, set after the file handler has answered. */
    private static final Map<String, String> FIBER_TYPES = Map.of(".css", "text/css; charset=utf-8",
            ".js", "text/javascript", ".png", "image/png");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final byte[] page = resource("twin/swagger/index.html");
    private final byte[] document = resource("twin/swagger/doc.json");
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicReference<String> prefix = new AtomicReference<>();
    private final Instant modified = Instant.now();

    void answer(Context ctx, String rawPath) {
        String path = cleanPath(PercentEscapes.decode(rawPath, StandardCharsets.UTF_8, false));
        int slash = path.lastIndexOf('/');
        prefix.compareAndSet(null, path.substring(0, slash + 1));
        String name = path.substring(slash + 1);
        switch (name) {
            case "" -> {
                ctx.status(301).header("Location", cleanPath(prefix.get() + "index.html")).header("Content-Length", "0");
                HttpPipeline.withoutContentType(ctx);
            }
            case "index.html" -> send(ctx, 200, "text/html; charset=utf-8", page);
            case "doc.json" -> send(ctx, 200, "application/json; charset=utf-8", document);
            default -> {
                serveFile(ctx, path);
                int dot = name.lastIndexOf('.');
                String fiberType = dot < 0 ? null : FIBER_TYPES.get(name.substring(dot));
                if (fiberType != null) {
                    HttpPipeline.contentType(ctx, fiberType);
                }
            }
        }
    }

    private void serveFile(Context ctx, String path) {
        String name = path.startsWith(prefix.get()) ? path.substring(prefix.get().length()) : null;
        if (name == null || !FILES.contains(name)) {
            HttpPipeline.text(ctx, 404, "Not Found");
            return;
        }
        byte[] content = files.computeIfAbsent(name, file -> resource(WEBJAR + file));
        long nanos = modified.getEpochSecond() * 1_000_000_000L + modified.getNano();
        String etag = "\"" + Long.toHexString(nanos) + Long.toHexString(content.length) + "\"";
        ctx.header("Etag", etag);
        if (notModified(ctx, etag)) {
            // Go drops the content type of a 304; fasthttp then sends its default
            HttpPipeline.contentType(ctx.status(304), HttpPipeline.TEXT);
            return;
        }
        ctx.header("Last-Modified", HTTP_DATE.format(modified)).header("Accept-Ranges", "bytes");
        send(ctx, 200, name.endsWith(".html") ? "text/html; charset=utf-8" : HttpPipeline.TEXT, content);
    }

    /** {@code If-None-Match} decides when present (any listed tag, or {@code *}); else {@code If-Modified-Since}. */
    private boolean notModified(Context ctx, String etag) {
        String noneMatch = ctx.header("If-None-Match");
        if (noneMatch != null) {
            for (String tag : noneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = ctx.header("If-Modified-Since");
        try {
            return since != null && !ZonedDateTime.parse(since, HTTP_DATE).toInstant()
                    .isBefore(modified.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** With its length, as fasthttp sends it: Jetty would stream a large body in chunks. */
    private static void send(Context ctx, int status, String type, byte[] body) {
        HttpPipeline.contentType(ctx.status(status), type);
        ctx.res().setContentLength(body.length);
        ctx.result(body);
    }

    /** Repeated slashes collapsed and {@code .} and {@code ..} segments resolved, a trailing slash kept. */
    static String cleanPath(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        boolean directory = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        String joined = "/" + String.join("/", segments);
        return directory && !segments.isEmpty() ? joined + "/" : joined;
    }

    /** A file of the class path, whole; a missing one is an error of the build. */
    static byte[] resource(String name) {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
