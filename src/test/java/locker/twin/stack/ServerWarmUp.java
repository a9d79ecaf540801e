package locker.twin.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;
import locker.contract.LockerList;
import locker.contract.RedisKeys;
import locker.contract.SerialId;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Warms up a freshly started embedded stack before it is measured. A new JVM runs its first thousands of
 * requests in the interpreter while the JIT compiles, so a run of a few seconds would mostly measure
 * that start-up; the deployed server is a long-running process, compiled ahead of time. For the given time,
 * {@value #WORKERS} throwaway students log in, refresh their tokens, ask who they are, list, hold, confirm or give
 * back, check "my locker" and release, over plain HTTP: the routes the load test and the comparison of servers use,
 * so that none of them is measured cold. Then every trace of them is removed: the database and Redis hold exactly what they held
 * before (sequence counters aside), which {@code ServerWarmUpIT} checks.
 */
public final class ServerWarmUp {
    /** Students warming up at once: enough to use the server's thread and connection pools. */
    static final int WORKERS = 32;
    /**
     * Warm-up student ids: 10 digits as the server requires, starting 9909 so that they never look like a real
     * student's (whose first four digits are the year of entry).
     */
    static final long FIRST_STUDENT_ID = 9_909_000_000L;
    /** How long past its duration a warm-up goes on to answer every endpoint at least once before it gives up. */
    private static final Duration MOST_TO_GO_ON = Duration.ofMinutes(2);
    /** The endpoints a warm-up sends, as {@code METHOD /path} with the locker id as {@code {id}}. */
    static final List<String> ENDPOINTS = Stream.of(ApiRoute.LOG_IN, ApiRoute.REFRESH, ApiRoute.ME, ApiRoute.LOCKERS,
            ApiRoute.HOLD, ApiRoute.RELEASE_HOLD, ApiRoute.CONFIRM, ApiRoute.MY_LOCKER, ApiRoute.RELEASE)
            .map(ApiRoute::label).toList();
    private static final String NAME = "웜업학생";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a warm-up did; {@code answered} counts the expected answers per endpoint of {@link #ENDPOINTS}. */
    public record Result(long requests, long failures, Duration took, Map<String, Long> answered) {
        @Override
        public String toString() {
            return String.format("%d requests (%d unexpected answers) in %.1f s", requests, failures,
                    took.toMillis() / 1000.0);
        }
    }

    private final EmbeddedStack stack;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("server-warm-up"));
    /** The HTTP client's own threads, apart from the students' (which block in send), ended with the warm-up. */
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(daemon("server-warm-up-http"));
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(httpThreads)
            .build();
    private final Set<Long> serialIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();

    private ServerWarmUp(EmbeddedStack stack) {
        this.stack = stack;
    }

    /**
     * Warms up the stack for {@code duration}, then removes the warm-up students. If the warm-up fails,
     * the stack is closed and the failure thrown: a half-warmed stack with leftovers is never measured.
     */
    public static Result run(EmbeddedStack stack, Duration duration) {
        ServerWarmUp warmUp = new ServerWarmUp(stack);
        long started = System.nanoTime();
        try {
            warmUp.drive(duration);
            warmUp.removeTraces();
        } catch (RuntimeException | SQLException | InterruptedException e) {
            stack.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the warm-up of the embedded stack failed: " + e.getMessage(), e);
        }
        Map<String, Long> answered = new java.util.LinkedHashMap<>();
        ENDPOINTS.forEach(endpoint -> answered.put(endpoint, warmUp.answered(endpoint)));
        return new Result(warmUp.requests.get(), warmUp.failures.get(), Duration.ofNanos(System.nanoTime() - started),
                answered);
    }

    private void drive(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        long lastChance = deadline + MOST_TO_GO_ON.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                long studentId = FIRST_STUDENT_ID + worker;
                running.add(workers.submit(() -> {
                    // the time is spent, and every endpoint has been answered at least once, however slow the machine
                    while (System.nanoTime() < deadline || !everyEndpointAnswered()) {
                        if (System.nanoTime() > lastChance) {
                            throw new IllegalStateException("not every endpoint was answered as expected within "
                                    + MOST_TO_GO_ON.toSeconds() + " s after the warm-up's time: " + answeredSoFar());
                        }
                        journey(studentId);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
            httpThreads.shutdownNow();
        }
    }

    private boolean everyEndpointAnswered() {
        return ENDPOINTS.stream().allMatch(endpoint -> answered(endpoint) > 0);
    }

    private long answered(String endpoint) {
        AtomicLong count = answered.get(endpoint);
        return count == null ? 0 : count.get();
    }

    private Map<String, Long> answeredSoFar() {
        Map<String, Long> soFar = new java.util.LinkedHashMap<>();
        ENDPOINTS.forEach(endpoint -> soFar.put(endpoint, answered(endpoint)));
        return soFar;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One student's way through the rush; every hold it wins ends released, so no locker stays taken. */
    private void journey(long studentId) throws IOException, InterruptedException {
        String student = Long.toString(studentId);
        String phone = "0109" + student.substring(student.length() - 7);
        serialIds.add(SerialId.of(student, NAME, phone));
        JsonNode login = expect(send(ApiRoute.LOG_IN, null, JSON.createObjectNode()
                .put("student_id", student).put("name", NAME).put("phone_number", phone)), 200, 201);
        String token = login.path(AuthFields.ACCESS_TOKEN).asText();
        // a refresh with the refresh token alone (no access token, so no blacklist key to remove after)
        JsonNode refreshed = expect(send(ApiRoute.REFRESH, null,
                JSON.createObjectNode().put(AuthFields.REFRESH_TOKEN, login.path(AuthFields.REFRESH_TOKEN).asText())), 200);
        token = refreshed.path(AuthFields.ACCESS_TOKEN).asText(token);
        expect(send(ApiRoute.ME, token, null), 200);
        Reply lockers = send(ApiRoute.LOCKERS, token, null);
        expect(lockers, 200);
        if (lockers.response().statusCode() != 200) {
            return;
        }
        List<Integer> free = LockerList.parse(lockers.response().body().getBytes(StandardCharsets.UTF_8)).free();
        if (free.isEmpty()) {
            return;
        }
        int locker = free.get(ThreadLocalRandom.current().nextInt(free.size()));
        Reply hold = send(ApiRoute.HOLD, locker, token);
        expect(hold, 201, 409);
        if (hold.response().statusCode() != 201) {
            return;
        }
        if (ThreadLocalRandom.current().nextBoolean()) {
            expect(send(ApiRoute.RELEASE_HOLD, locker, token), 200);
            return;
        }
        expect(send(ApiRoute.CONFIRM, locker, token), 200);
        expect(send(ApiRoute.MY_LOCKER, token, null), 200);
        expect(send(ApiRoute.RELEASE, locker, token), 200);
    }

    /** Deletes the warm-up students (their assignments and tokens go with them) and any hold key of theirs. */
    private void removeTraces() throws SQLException {
        try (Connection db = stack.openConnection()) {
            db.setAutoCommit(false);
            Array serials = db.createArrayOf("bigint", serialIds.toArray());
            update(db, "UPDATE locker_info SET owner_student_id = NULL, owner_serial_id = NULL "
                    + "WHERE owner_serial_id = ANY(?)", serials);
            update(db, "DELETE FROM users WHERE serial_id = ANY(?)", serials);
            db.commit();
        }
        try (Jedis redis = new Jedis(EmbeddedStack.HOST, stack.redisPort())) {
            ScanParams holds = new ScanParams().match(RedisKeys.HOLD_PREFIX + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, holds);
                for (String key : page.getResult()) {
                    String holder = redis.get(key);
                    if (holder != null && serialIds.contains(Long.parseLong(holder))) {
                        redis.del(key);
                    }
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private static void update(Connection db, String sql, Array serials) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setArray(1, serials);
            statement.executeUpdate();
        }
    }

    private JsonNode expect(Reply reply, int... statuses) throws IOException {
        requests.incrementAndGet();
        HttpResponse<String> response = reply.response();
        for (int status : statuses) {
            if (response.statusCode() == status) {
                answered.computeIfAbsent(reply.route().label(), key -> new AtomicLong()).incrementAndGet();
                // refusals are text, as the deployed server's are
                boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
                return json ? JSON.readTree(response.body()) : JSON.createObjectNode();
            }
        }
        // another warm-up student may have been quicker; count it and go on
        failures.incrementAndGet();
        return JSON.createObjectNode();
    }

    /** The answer to a request of one route. */
    private record Reply(ApiRoute route, HttpResponse<String> response) {}

    /** A request on a locker's route, with the access token. */
    private Reply send(ApiRoute route, int locker, String token) throws IOException, InterruptedException {
        return send(route, route.fullPath(locker), token, null);
    }

    /** A request of a route that names no locker; a body is sent as JSON. */
    private Reply send(ApiRoute route, String token, JsonNode body) throws IOException, InterruptedException {
        return send(route, route.fullPath(), token, body);
    }

    private Reply send(ApiRoute route, String path, String token, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token);
        if (route.method().equals("GET")) {
            request.GET();
        } else {
            request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json");
        }
        return new Reply(route, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
