package locker.twin.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import locker.contract.Api;
import locker.contract.ApiRoute;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The deployed server's route stack (Fiber v2) in the order Fiber tries it: {@code GET /} before any middleware, then
 * CORS for everything else, the public routes, the JWT check as a prefix route on {@code /api/v1}, the protected
 * routes, fiber-swagger's {@code /swagger/*}, and last Fiber's 405 or 404. Paths match ignoring ASCII case with
 * trailing slashes stripped; a parameter keeps the request's bytes (case and percent escapes). Every refusal is Fiber
 * text.
 */
final class HttpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
    static final String TEXT = "text/plain; charset=utf-8";
    static final long BODY_LIMIT = 4L * 1024 * 1024;
    /** Fiber's request methods, in the order its {@code Allow} header lists them. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
            "PATCH");
    private static final String PARAMETER = "locker.twin.server.path-parameter";
    private static final String BODY = "locker.twin.server.chunked-body";
    private static final String FORM = "locker.twin.server.multipart-form";
    private static final Set<String> ALLOWED_ORIGINS = Set.of("https://www.kucisc.kr", "https://kucisc.kr",
            "http://localhost:3000");
    private static final String ALLOWED_METHODS = "GET,POST,HEAD,PUT,DELETE,PATCH";
    private static final String ALLOWED_HEADERS = "Origin,Content-Type,Accept,Authorization";
    private static final byte[] WELCOME = "Welcome to the Locker Reservation API".getBytes(StandardCharsets.UTF_8);

    /** A route handler: the Javalin context, with the path parameter at {@link #pathParameter}. */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx) throws Exception;
    }

    /** One route: its methods (GET routes also answer HEAD) and its path, {@code {id}} marking a parameter segment. */
    record Route(Set<String> methods, String[] segments, Handler handler) {
        /** A route of the locker API, under its prefix. */
        static Route of(ApiRoute route, Handler handler) {
            return route.method().equals("GET") ? get(route.fullPath(), handler) : post(route.fullPath(), handler);
        }

        static Route get(String path, Handler handler) {
            return new Route(Set.of("GET", "HEAD"), split(path), handler);
        }

        static Route post(String path, Handler handler) {
            return new Route(Set.of("POST"), split(path), handler);
        }

        private static String[] split(String path) {
            return path.substring(1).split("/", -1);
        }

        /** The parameter's raw value (or "" when the route has none) if the route matches; null otherwise. */
        String match(String detectionPath, String rawPath) {
            int position = 1;
            String parameter = "";
            for (int i = 0; i < segments.length; i++) {
                int end = detectionPath.indexOf('/', position);
                boolean last = i == segments.length - 1;
                if (last != (end < 0)) {
                    return null;
                }
                if (end < 0) {
                    end = detectionPath.length();
                }
                String segment = segments[i];
                if (segment.equals(ApiRoute.ID)) {
                    if (end == position) {
                        return null;
                    }
                    parameter = rawPath.substring(position, end);
                } else if (!detectionPath.regionMatches(position, segment, 0, segment.length())
                        || end - position != segment.length()) {
                    return null;
                }
                position = end + 1;
            }
            return parameter;
        }
    }

    private final Authenticator authenticator;
    private final AnswerWording wording;
    private final List<Route> publicRoutes;
    private final List<Route> protectedRoutes;
    private final Route welcome = Route.get("/", ctx -> text(ctx, 200, WELCOME));
    private final SwaggerUi swaggerUi = new SwaggerUi();
    private final List<Route> everyRoute;

    HttpPipeline(Authenticator authenticator, List<Route> publicRoutes, List<Route> protectedRoutes,
                 AnswerWording wording) {
        this.authenticator = authenticator;
        this.wording = wording;
        this.publicRoutes = List.copyOf(publicRoutes);
        this.protectedRoutes = List.copyOf(protectedRoutes);
        List<Route> all = new ArrayList<>();
        all.add(welcome);
        all.addAll(publicRoutes);
        all.addAll(protectedRoutes);
        this.everyRoute = List.copyOf(all);
    }

    /** The raw text of the {@code {id}} segment of the matched route. */
    static String pathParameter(Context ctx) {
        String parameter = ctx.attribute(PARAMETER);
        return parameter == null ? "" : parameter;
    }

    /** Answers the request; registered as Javalin's only handler, in front of everything. */
    void handle(Context ctx) {
        ctx.skipRemainingHandlers();
        try {
            dispatch(ctx);
        } catch (ApiError e) {
            text(ctx, e.status, wording.of(e.getMessage()));
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                text(ctx, 413, "Request Entity Too Large");
            } else {
                text(ctx, 500, "Internal Server Error");
            }
        } catch (Database.DatabaseException e) {
            // a statement the database refused (a race such as deployed-service.md §8 R10, an outage): answered 500
            // as deployed, one line
            LOG.warn("{} {} answered 500: {}", ctx.req().getMethod(), ctx.req().getRequestURI(),
                    e.getMessage().replace('\n', ' '));
            text(ctx, 500, "Internal Server Error");
        } catch (EofException e) {
            // the client closed the connection before its body ended: nobody is left to answer
            LOG.warn("{} {}: the client closed the connection before the body ended", ctx.req().getMethod(),
                    ctx.req().getRequestURI());
            text(ctx, 500, "Internal Server Error");
        } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
            // a fault of the twin's own, the deployed server's panic: its recover middleware answers 500 with the
            // panic's value as text, and so does the twin, with what was thrown (Javalin would answer an Error with
            // an empty 500)
            LOG.error("{} {} failed", ctx.req().getMethod(), ctx.req().getRequestURI(), e);
            text(ctx, 500, e.toString());
        }
    }

    private void dispatch(Context ctx) throws Exception {
        if (ctx.req().getContentLengthLong() > BODY_LIMIT || !readChunkedBody(ctx)) {
            ctx.header("Connection", "close");
            text(ctx, 413, "Request Entity Too Large");
            return;
        }
        String unreadable = unreadableMultipartForm(ctx);
        if (unreadable != null) {
            ctx.header("Connection", "close");
            text(ctx, 400, "cannot read multipart/form-data body: " + unreadable);
            return;
        }
        String method = ctx.req().getMethod();
        if (!METHODS.contains(method)) {
            text(ctx, 400, "Invalid http method");
            return;
        }
        String rawPath = ctx.req().getRequestURI();
        String detectionPath = detectionPath(rawPath);
        if (run(welcome, method, detectionPath, rawPath, ctx)) {
            return;
        }
        if (cors(ctx, method)) {
            return;
        }
        for (Route route : publicRoutes) {
            if (run(route, method, detectionPath, rawPath, ctx)) {
                return;
            }
        }
        if (detectionPath.startsWith(Api.PREFIX) && !authenticator.authenticate(ctx)) {
            throw ApiError.unauthorized();
        }
        for (Route route : protectedRoutes) {
            if (run(route, method, detectionPath, rawPath, ctx)) {
                return;
            }
        }
        if ((method.equals("GET") || method.equals("HEAD")) && isSwaggerPath(detectionPath)) {
            swaggerUi.answer(ctx, rawPath);
            return;
        }
        String allowed = allowedMethods(method, detectionPath, rawPath);
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
            throw new ApiError(405, "Method Not Allowed");
        }
        throw new ApiError(404, "Cannot " + method + " " + htmlEscape(rawPath));
    }

    /**
     * fasthttp reads a chunked body whole before routing, and stops with 413 once it passes the limit; false then. The
     * body read is what the handlers see ({@link #body}).
     */
    private static boolean readChunkedBody(Context ctx) throws java.io.IOException {
        if (ctx.req().getContentLengthLong() >= 0 || !"chunked".equalsIgnoreCase(ctx.header("Transfer-Encoding"))) {
            return true;
        }
        byte[] body = ctx.req().getInputStream().readNBytes((int) BODY_LIMIT + 1);
        if (body.length > BODY_LIMIT) {
            return false;
        }
        ctx.attribute(BODY, body);
        return true;
    }

    /**
     * fasthttp reads a multipart form of known length before routing (without Content-Encoding): Go's error when it
     * does not read, else null.
     */
    private static String unreadableMultipartForm(Context ctx) {
        if (ctx.req().getContentLengthLong() <= 0 || ctx.header("Content-Encoding") != null) {
            return null;
        }
        MultipartForm.Read form = multipartForm(ctx);
        return form == null ? null : form.error();
    }

    /** The last line of header {@code name} (fasthttp keeps the last for the headers it stores itself), or null. */
    static String lastHeader(Context ctx, String name) {
        String last = null;
        for (java.util.Enumeration<String> lines = ctx.req().getHeaders(name); lines.hasMoreElements(); ) {
            last = lines.nextElement();
        }
        return last;
    }

    /**
     * The request's multipart form as fasthttp reads it, once: before routing, or when a handler asks for it; null
     * without a boundary in the Content-Type.
     */
    static MultipartForm.Read multipartForm(Context ctx) {
        MultipartForm.Read read = ctx.attribute(FORM);
        if (read == null) {
            String boundary = MultipartForm.boundary(ctx.header("Content-Type"));
            if (boundary == null) {
                return null;
            }
            read = MultipartForm.read(boundary, body(ctx));
            ctx.attribute(FORM, read);
        }
        return read;
    }

    /** The request's body: read before routing when it came chunked, else as Javalin reads it. */
    static byte[] body(Context ctx) {
        byte[] read = ctx.attribute(BODY);
        return read != null ? read : ctx.bodyAsBytes();
    }

    private static boolean run(Route route, String method, String detectionPath, String rawPath, Context ctx)
            throws Exception {
        if (!route.methods().contains(method)) {
            return false;
        }
        String parameter = route.match(detectionPath, rawPath);
        if (parameter == null) {
            return false;
        }
        if (!parameter.isEmpty()) {
            ctx.attribute(PARAMETER, parameter);
        }
        route.handler().handle(ctx);
        return true;
    }

    /**
     * The deployed CORS middleware (Fiber v2.52's); true when it answered (a preflight). The Origin is lower-cased as
     * Go's {@code strings.ToLower} does it, code point by code point ({@code İ} becomes {@code i}); an {@code OPTIONS}
     * request without {@code Access-Control-Request-Method} is outside CORS and gets no allowed origin.
     */
    private static boolean cors(Context ctx, String method) {
        String origin = ctx.header("Origin");
        // Jetty hands the header's bytes over as ISO-8859-1 characters; Go reads them as UTF-8
        String lowered = origin == null ? "" : goLowerCase(GoText.asUtf8(origin));
        String allowOrigin = ALLOWED_ORIGINS.contains(lowered) ? lowered : null;
        String requestedMethod = ctx.header("Access-Control-Request-Method");
        boolean options = method.equals("OPTIONS");
        if (lowered.isEmpty() || (options && (requestedMethod == null || requestedMethod.isEmpty()))) {
            ctx.header("Vary", "Origin");
            return false;
        }
        if (!options) {
            ctx.header("Vary", "Origin");
            if (allowOrigin != null) {
                ctx.header("Access-Control-Allow-Origin", allowOrigin);
            }
            return false;
        }
        ctx.header("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers, Origin");
        if (allowOrigin != null) {
            ctx.header("Access-Control-Allow-Origin", allowOrigin);
        }
        ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        withoutContentType(ctx.status(204));
        return true;
    }

    /** Go's {@code strings.ToLower}: each code point's simple lower case, never a longer one as Java's special casing. */
    static String goLowerCase(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lowered::appendCodePoint);
        return lowered.toString();
    }

    /** The methods other than the request's with a route for this path, in Fiber's order, joined by ", ". */
    private String allowedMethods(String requestMethod, String detectionPath, String rawPath) {
        StringBuilder allowed = new StringBuilder();
        for (String method : METHODS) {
            if (method.equals(requestMethod)) {
                continue;
            }
            boolean exists = (method.equals("GET") || method.equals("HEAD")) && isSwaggerPath(detectionPath);
            for (int i = 0; i < everyRoute.size() && !exists; i++) {
                Route route = everyRoute.get(i);
                exists = route.methods().contains(method) && route.match(detectionPath, rawPath) != null;
            }
            if (exists) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(method);
            }
        }
        return allowed.toString();
    }

    /** {@code /swagger/*}: the wildcard may be empty, and so may the slash before it. */
    private static boolean isSwaggerPath(String detectionPath) {
        return detectionPath.equals("/swagger") || detectionPath.startsWith("/swagger/");
    }

    /**
     * Fiber's matching path: ASCII lower case, every trailing slash stripped from a path longer than {@code /}
     * ({@code //} becomes empty, which no route matches).
     */
    static String detectionPath(String rawPath) {
        int end = rawPath.length();
        if (end > 1) {
            while (end > 0 && rawPath.charAt(end - 1) == '/') {
                end--;
            }
        }
        char[] chars = new char[end];
        for (int i = 0; i < end; i++) {
            char c = rawPath.charAt(i);
            chars[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(chars);
    }

    /** Go's {@code html.EscapeString}. */
    static String htmlEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\'' -> escaped.append("&#39;");
                case '"' -> escaped.append("&#34;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static void text(Context ctx, int status, String message) {
        text(ctx, status, message.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(Context ctx, int status, byte[] body) {
        contentType(ctx.status(status), TEXT);
        ctx.result(body);
        String reason = FASTHTTP_REASONS.get(status);
        if (reason != null && ctx.res() instanceof Response jetty) {
            jetty.setStatusWithReason(status, reason);
        }
    }

    /** fasthttp's reason phrases where Jetty's differ, for the statuses the server sends. */
    private static final java.util.Map<Integer, String> FASTHTTP_REASONS = java.util.Map.of(
            413, "Request Entity Too Large", 500, "Internal Server Error");

    /** fasthttp sends no Content-Type with an empty body unless one was set; Javalin sets a default one. */
    static void withoutContentType(Context ctx) {
        ctx.res().setContentType(null);
    }

    /**
     * Sets the Content-Type header exactly as given. Jetty's {@code setContentType} rewrites a known type with a
     * charset to its own spelling ({@code text/plain;charset=utf-8}, no space), so it goes into the fields directly.
     */
    static void contentType(Context ctx, String value) {
        if (ctx.res() instanceof Response jetty) {
            jetty.getHttpFields().put(HttpHeader.CONTENT_TYPE, value);
        } else {
            ctx.contentType(value);
        }
    }
}
