package locker.loadtest.simulation;

import locker.contract.ApiRoute;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The check before a run touches anything: the target must answer {@code GET {BASE_URL}/api/v1/health} with 200
 * (the server reaches its database and Redis). Otherwise the run stops before seeding, with what came back.
 */
final class Preflight {
    static final String HEALTH = ApiRoute.HEALTH.fullPath();
    private static final int MOST_BODY_SHOWN = 500;

    private Preflight() {}

    /** Empty when the target is healthy; otherwise what is wrong, naming the URL and the answer or the error. */
    static Optional<String> problem(String baseUrl, Duration timeout) {
        String url = baseUrl + HEALTH;
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.empty();
            }
            return Optional.of("GET " + url + " answered " + response.statusCode() + " instead of 200: "
                    + shortened(response.body()));
        } catch (IOException e) {
            return Optional.of("GET " + url + " got no answer: " + cause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("GET " + url + " was interrupted");
        }
    }

    /** The first message in the cause chain: the HTTP client's own exceptions often carry none. */
    private static String cause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return error instanceof java.net.ConnectException ? "connection refused"
                : error instanceof java.net.http.HttpTimeoutException ? "timed out" : "connection failed";
    }

    private static String shortened(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        if (oneLine.isEmpty()) {
            return "(empty body)";
        }
        return oneLine.length() <= MOST_BODY_SHOWN ? oneLine : oneLine.substring(0, MOST_BODY_SHOWN) + "…";
    }
}
