package locker.testsupport.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.Api;
import locker.contract.ApiRoute;
import locker.testdata.TestUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A few real HTTP calls by test users against a locker server, leaving every kind of trace a load
 * test leaves: registrations' refresh tokens, holds (Redis and rows), confirmed lockers (test and
 * real ones), released holds, blacklisted access tokens (logout, refresh).
 */
public final class SmallLoad {
    public static final int USERS_NEEDED = 16;
    public static final int TEST_LOCKERS_NEEDED = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Session(String accessToken, String refreshToken) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final List<String> unexpected = new ArrayList<>();

    public SmallLoad(String baseUrl) {
        this.api = baseUrl + Api.PREFIX;
    }

    /**
     * Runs the load; every access token received goes to {@code tokens}. Returns the calls that did not
     * answer as expected (empty when all did).
     */
    public List<String> run(List<TestUser> users, List<Integer> testLockers, List<Integer> freeRealLockers,
                     Consumer<String> tokens) {
        if (users.size() < USERS_NEEDED || testLockers.size() < TEST_LOCKERS_NEEDED || freeRealLockers.size() < 2) {
            throw new IllegalArgumentException("the small load needs " + USERS_NEEDED + " users, "
                    + TEST_LOCKERS_NEEDED + " test lockers and 2 free real lockers");
        }
        List<Session> sessions = new ArrayList<>();
        for (TestUser user : users.subList(0, USERS_NEEDED)) {
            Session session = login(user, 200);
            tokens.accept(session.accessToken());
            sessions.add(session);
        }
        for (int i = 0; i < TEST_LOCKERS_NEEDED; i++) {
            int locker = testLockers.get(i);
            post(ApiRoute.HOLD.path(locker), sessions.get(i), Map.of(), 201);
            if (i % 2 == 0) {
                post(ApiRoute.CONFIRM.path(locker), sessions.get(i), Map.of(), 200);
            } else if (i != TEST_LOCKERS_NEEDED - 1) {
                post(ApiRoute.RELEASE_HOLD.path(locker), sessions.get(i), Map.of(), 200);
            }
        }
        post(ApiRoute.HOLD.path(freeRealLockers.get(0)), sessions.get(10), Map.of(), 201);
        post(ApiRoute.CONFIRM.path(freeRealLockers.get(0)), sessions.get(10), Map.of(), 200);
        post(ApiRoute.HOLD.path(freeRealLockers.get(1)), sessions.get(11), Map.of(), 201);
        for (int i = 12; i <= 13; i++) {
            post(ApiRoute.LOG_OUT.path(), sessions.get(i), Map.of("refresh_token", sessions.get(i).refreshToken()), 200);
        }
        JsonNode refreshed = post(ApiRoute.REFRESH.path(), null, Map.of("refresh_token", sessions.get(14).refreshToken(),
                "access_token", sessions.get(14).accessToken()), 200);
        if (refreshed != null && refreshed.hasNonNull("access_token")) {
            tokens.accept(refreshed.get("access_token").asText());
        }
        get(ApiRoute.LOCKERS.path(), sessions.get(15));
        get(ApiRoute.MY_LOCKER.path(), sessions.get(0));
        return List.copyOf(unexpected);
    }

    public Session login(TestUser user, int expectedStatus) {
        JsonNode answer = post(ApiRoute.LOG_IN.path(), null, Map.of("student_id", user.studentId(),
                "name", user.name(), "phone_number", user.phoneNumber()), expectedStatus);
        return answer == null ? new Session("", "")
                : new Session(answer.path("access_token").asText(), answer.path("refresh_token").asText());
    }

    public JsonNode post(String path, Session session, Map<String, String> body, int expectedStatus) {
        try {
            HttpRequest.Builder request = request(path, session)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return send(request, "POST " + path, expectedStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void get(String path, Session session) {
        send(request(path, session).GET(), "GET " + path, 200);
    }

    private HttpRequest.Builder request(String path, Session session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        return session == null ? request : request.header("Authorization", "Bearer " + session.accessToken());
    }

    private JsonNode send(HttpRequest.Builder request, String call, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                unexpected.add(call + " answered " + response.statusCode() + " (expected " + expectedStatus + "): "
                        + response.body());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
