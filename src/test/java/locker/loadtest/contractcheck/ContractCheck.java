package locker.loadtest.contractcheck;

import locker.config.DbTarget;
import locker.config.RedisTarget;
import locker.config.SeedPlan;
import locker.testdata.SeedResult;
import locker.testdata.TestData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static locker.contract.Api.PREFIX;

/**
 * The contract check before a run against a {@code BASE_URL}: every answer the load test relies on, provoked in turn
 * ({@link ContractStep#ALL}) with the JDK's HTTP client, against two students and two lockers of the check's own,
 * seeded and restored as every run's test data is. {@code ContractCheckSimulation} sends the same steps through
 * Gatling.
 */
public final class ContractCheck {
    /** The check's own test data: its two students and two lockers. */
    public static final int STUDENTS = 2;
    public static final int LOCKERS = 2;

    private ContractCheck() {}

    /**
     * Seeds the check's own students and lockers from {@code studentIdStart}, runs the check and restores the database,
     * whatever the answers; the test data is the same the run would seed, so the run's own seeding comes after.
     */
    public static ContractReport withOwnTestData(String baseUrl, DbTarget database, RedisTarget redis, long studentIdStart,
                                                 Duration timeout) {
        long started = System.nanoTime();
        SeedPlan plan = new SeedPlan(STUDENTS, studentIdStart, LOCKERS);
        try (TestData testData = TestData.connect(database, redis)) {
            if (!testData.isConnected()) {
                throw new IllegalStateException("the contract check needs the database for its own test lockers");
            }
            SeedResult seeded = testData.seed(plan);
            try {
                ContractCast cast = ContractCast.of(seeded.users(), seeded.firstTestLockerId(), LOCKERS);
                testData.forgetUser(cast.newcomer());
                List<ContractRow> rows = run(baseUrl, cast, timeout, testData::recordAccessToken);
                return ContractReport.of(baseUrl, rows, System.nanoTime() - started);
            } finally {
                testData.restore();
            }
        }
    }

    /** Sends every step in turn and reads each answer; {@code accessTokens} is told each token a student receives. */
    static List<ContractRow> run(String baseUrl, ContractCast cast, Duration timeout,
                                 java.util.function.Consumer<String> accessTokens) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        Map<ContractStep.Sender, String> tokens = new EnumMap<>(ContractStep.Sender.class);
        List<ContractRow> rows = new ArrayList<>();
        for (ContractStep step : ContractStep.ALL) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + PREFIX + step.path(cast)))
                    .timeout(timeout).header("Accept", "application/json").header("Content-Type", "application/json");
            String token = tokens.get(step.sender());
            if (token != null && step.body() == ContractStep.Body.NONE) {
                request.header("Authorization", "Bearer " + token);
            }
            String body = step.body(cast);
            request.method(step.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                rows.add(step.row(response.statusCode(), response.body(), cast));
                if (step.body() == ContractStep.Body.LOG_IN_SENDER) {
                    ContractStep.accessToken(response.statusCode(), response.body()).ifPresent(received -> {
                        tokens.put(step.sender(), received);
                        accessTokens.accept(received);
                    });
                }
            } catch (IOException e) {
                rows.add(ContractRow.of(step.behaviour(), step.request(cast), step.reading().expected(cast),
                        "no answer: " + e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rows.add(ContractRow.of(step.behaviour(), step.request(cast), step.reading().expected(cast), "interrupted"));
                break;
            }
        }
        return rows;
    }
}
