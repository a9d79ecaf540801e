package locker.testsupport.twin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.Api;
import locker.contract.ApiRoute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tests' HTTP client of the locker API ({@code /api/v1}), one method per endpoint. */
public final class ApiClient {
    public static final String USER_AGENT = "locker-reference-tests";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String apiUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public ApiClient(String baseUrl) {
        this.apiUrl = baseUrl + Api.PREFIX;
    }

    public ApiResponse loginOrRegister(Map<String, ?> body) {
        return post(ApiRoute.LOG_IN.path(), null, body);
    }

    public ApiResponse loginOrRegister(Student student) {
        return loginOrRegister(Map.of("student_id", student.studentId(), "name", student.name(),
                "phone_number", student.phoneNumber()));
    }

    /** Logs the student in; fails the test unless the server answers 200 or 201. */
    public Session login(Student student) {
        ApiResponse response = loginOrRegister(student);
        if (response.status() != 200 && response.status() != 201) {
            throw new AssertionError("login of " + student + " failed: " + response);
        }
        JsonNode json = response.json();
        return new Session(student, json.path("access_token").asText(), json.path("refresh_token").asText(),
                json.path("serial_id").asLong());
    }

    /** Registers and logs in a student no other test uses. */
    public Session newSession() {
        return login(Student.next());
    }

    public ApiResponse me(String accessToken) {
        return get(ApiRoute.ME.path(), accessToken);
    }

    public ApiResponse refresh(String refreshToken, String accessToken) {
        return post(ApiRoute.REFRESH.path(), accessToken, bodyWithRefreshToken(refreshToken));
    }

    public ApiResponse logout(String refreshToken, String accessToken) {
        return post(ApiRoute.LOG_OUT.path(), accessToken, bodyWithRefreshToken(refreshToken));
    }

    public ApiResponse lockers(String accessToken) {
        return get(ApiRoute.LOCKERS.path(), accessToken);
    }

    public ApiResponse myLocker(String accessToken) {
        return get(ApiRoute.MY_LOCKER.path(), accessToken);
    }

    public ApiResponse hold(Session session, Object lockerId) {
        return post(ApiRoute.HOLD.path(lockerId), session.accessToken(), null);
    }

    public ApiResponse confirm(Session session, Object lockerId) {
        return post(ApiRoute.CONFIRM.path(lockerId), session.accessToken(), null);
    }

    public ApiResponse releaseHold(Session session, Object lockerId) {
        return post(ApiRoute.RELEASE_HOLD.path(lockerId), session.accessToken(), null);
    }

    public ApiResponse release(Session session, Object lockerId) {
        return post(ApiRoute.RELEASE.path(lockerId), session.accessToken(), null);
    }

    /** {@code POST /lockers/{id}/{action}}; the id is whatever text the test wants in the path. */
    public ApiResponse lockerAction(String accessToken, Object lockerId, String action) {
        return post(ApiRoute.onLocker(action).path(lockerId), accessToken, null);
    }

    public ApiResponse health() {
        return get(ApiRoute.HEALTH.path(), null);
    }

    public ApiResponse get(String path, String accessToken) {
        return send(request(path, accessToken).GET());
    }

    /** A POST with a JSON body, or none when {@code body} is null. */
    public ApiResponse post(String path, String accessToken, Map<String, ?> body) {
        return postText(path, accessToken, body == null ? null : toJson(body));
    }

    /** A POST whose body is the text as given (JSON or not), or none when {@code body} is null. */
    public ApiResponse postText(String path, String accessToken, String body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(request(path, accessToken).header("Content-Type", "application/json").POST(publisher));
    }

    private HttpRequest.Builder request(String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", USER_AGENT);
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    private static Map<String, String> bodyWithRefreshToken(String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return body;
    }

    private static String toJson(Map<String, ?> body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }
}
