package locker.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import locker.contract.Api;
import locker.contract.ApiRoute;
import locker.loadtest.anomalies.AnomalyFinder;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.Call;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.anomalies.Invariants;
import locker.loadtest.anomalies.LockerStateReader;
import locker.loadtest.anomalies.RequestJournal;
import locker.loadtest.anomalies.StudentIdRange;
import locker.loadtest.metrics.ServerMetrics;
import locker.loadtest.metrics.ServerMetricsSampler;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.export.ExportAtExit;
import locker.loadtest.scenario.Endpoints;
import locker.testdata.TestDataSummary;
import locker.twin.stack.EmbeddedStack;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;
import static locker.loadtest.scenario.SessionKeys.LOCKER_ID;
import static locker.loadtest.scenario.SessionKeys.STUDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small run against the embedded stack that gives the report OKs, KOs of several statuses and several
 * request names: {@value #USERS} students hold locker 101, one of them first (the others lose the race: 409,
 * an answer, not a failure), the winner confirms it, the losers try to confirm it anyway (409) and to release a hold they do
 * not have (404). With {@code -Dfixture.corruptDatabase=true} it gives locker 102 an owner without a
 * confirmed row before the invariants are checked, as a faulty server would, and declares an assertion
 * the run misses (no failed requests).
 */
public class ReportFixtureSimulation extends Simulation {
    public static final int USERS = 6;
    public static final long FIRST_STUDENT_ID = 9_900_000_000L;
    private static final String LOCKER = "101";

    private final EmbeddedStack stack = EmbeddedStack.start();
    private final String baseUrl = stack.baseUrl();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean leaderChosen = new AtomicBoolean();
    private final AtomicBoolean leaderHoldAnswered = new AtomicBoolean();
    private ServerMetricsSampler metrics;

    {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl + Api.PREFIX)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json");
        ScenarioBuilder students = scenario("Locker race")
                .exec(session -> session.set(STUDENT_ID, Long.toString(FIRST_STUDENT_ID + session.userId()))
                        .set(LOCKER_ID, Integer.parseInt(LOCKER)))
                .exec(http(Call.LOG_IN.requestName())
                        .post(ApiRoute.LOG_IN.path())
                        .body(StringBody("{\"student_id\":\"#{" + STUDENT_ID + "}\",\"name\":\"Fixture User\",\"phone_number\":\"010#{" + STUDENT_ID + "}\"}"))
                        .check(status().in(200, 201), jmesPath("access_token").saveAs("accessToken"))
                        .transformResponse(Endpoints.recorded(Call.LOG_IN)))
                .exec(http(Call.LIST_LOCKERS.requestName())
                        .get(ApiRoute.LOCKERS.path())
                        .header("Authorization", "Bearer #{accessToken}")
                        .check(status().is(200))
                        .transformResponse(Endpoints.recorded(Call.LIST_LOCKERS)))
                .exec(session -> session.set("leader", leaderChosen.compareAndSet(false, true)))
                // The others hold once the leader's hold is answered: its key then exists, so their clean-up leaves
                // the leader's row alone and the deployed server's race R1 (deployed-service.md §8) cannot take the
                // locker back.
                .asLongAs(session -> !session.getBoolean("leader") && !leaderHoldAnswered.get()).on(
                        pause(Duration.ofMillis(20)))
                .exec(session -> count(session, "hold_attempts"))
                .exec(http(Call.HOLD.requestName())
                        .post(ApiRoute.HOLD.path(LOCKER))
                        .header("Authorization", "Bearer #{accessToken}")
                        .check(status().in(201, 409).saveAs("holdStatus"))
                        .transformResponse(Endpoints.recorded(Call.HOLD)))
                .exec(session -> {
                    if (session.getBoolean("leader")) {
                        leaderHoldAnswered.set(true);
                    }
                    return session;
                })
                .doIfOrElse(session -> session.getInt("holdStatus") == 201).then(
                        exec(session -> count(session, "holds_won"))
                                .exec(confirm())
                                .exec(session -> count(session, "confirmed"))
                                .exec(http(Call.MY_LOCKER.requestName())
                                        .get(ApiRoute.MY_LOCKER.path())
                                        .header("Authorization", "Bearer #{accessToken}")
                                        .check(status().is(200), jmesPath("locker.locker_id").is(LOCKER))
                                        .transformResponse(Endpoints.recorded(Call.MY_LOCKER)))
                                .exec(session -> count(session, "ownership_verified"))
                ).orElse(
                        exec(session -> count(session, "lost_race"))
                                .exec(confirm())
                                .exec(http(Call.GIVE_UP.requestName())
                                        .post(ApiRoute.RELEASE_HOLD.path(LOCKER))
                                        .header("Authorization", "Bearer #{accessToken}")
                                        .check(status().is(200))
                                        .transformResponse(Endpoints.recorded(Call.GIVE_UP)))
                );
        List<Assertion> assertions = new ArrayList<>(List.of(global().responseTime().max().lt(30_000),
                global().successfulRequests().percent().gt(50.0)));
        if (Boolean.getBoolean("fixture.corruptDatabase")) {
            assertions.add(global().failedRequests().count().is(0L));
        }
        setUp(students.injectOpen(atOnceUsers(USERS))).protocols(protocol).assertions(assertions);
    }

    /** The settings of a run that writes its report and its results file ({@link #resultsFile}) in {@code directory}. */
    public static Map<String, String> settings(Path directory) {
        Map<String, String> settings = new HashMap<>();
        settings.put("GATLING_RESULTS_DIR", directory.toString());
        settings.put("RESULTS_FILENAME", resultsFile(directory).toString());
        return settings;
    }

    public static Path resultsFile(Path directory) {
        return directory.resolve("load_test_results.json");
    }

    /**
     * Runs the fixture in a Gatling JVM of its own and checks that it ran as designed: exit status 0 and no anomaly
     * (every answer one the load test knows). A test of what the run leaves behind then fails here, with the run's
     * output and the server's log in the message, when the run itself went wrong.
     */
    public static GatlingFork.Result runAsDesigned(Path directory) throws IOException {
        GatlingFork.Result run = GatlingFork.run(ReportFixtureSimulation.class, directory, settings(directory));
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode anomalies = new ObjectMapper().readTree(resultsFile(directory).toFile()).path("anomalies");
        assertThat(anomalies.path("total").asLong()).as("anomalies of the fixture's run %s%nits output:%n%s",
                anomalies, run.output()).isZero();
        return run;
    }

    private static HttpRequestActionBuilder confirm() {
        return http(Call.CONFIRM.requestName())
                .post(ApiRoute.CONFIRM.path(LOCKER))
                .header("Authorization", "Bearer #{accessToken}")
                .check(status().is(200))
                .transformResponse(Endpoints.recorded(Call.CONFIRM));
    }

    private Session count(Session session, String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
        return session;
    }

    @Override
    public void before() {
        try {
            metrics = new ServerMetricsSampler(Optional.of(stack.openConnection()),
                    Optional.of(new Jedis(EmbeddedStack.HOST, stack.redisPort())), true, Duration.ofMillis(250));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void after() {
        metrics.close();
        Map<String, Long> counted = new LinkedHashMap<>();
        RunContext.OUTCOME_KEYS.forEach(key -> counted.put(key, outcomes.getOrDefault(key, new AtomicLong()).get()));
        List<InvariantResult> invariants;
        AnomalyReport anomalies;
        try (Connection connection = stack.openConnection();
             Jedis redis = new Jedis(EmbeddedStack.HOST, stack.redisPort())) {
            if (Boolean.getBoolean("fixture.corruptDatabase")) {
                corrupt(connection);
            }
            invariants = Invariants.check(connection, counted.get("confirmed") - counted.get("released"),
                    new StudentIdRange(FIRST_STUDENT_ID, FIRST_STUDENT_ID + 999));
            anomalies = AnomalyFinder.find(RequestJournal.recorded(), invariants, new LockerStateReader(connection, redis));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            stack.close();
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", baseUrl);
        config.put("total_users", USERS);
        config.put("concurrent_users", USERS);
        config.put("confirmation_rate", 1.0);
        config.put("profile", "report-fixture");
        config.put("db", "embedded");
        ServerMetrics serverMetrics = metrics.results(Map.of("gatling_connections", "one per student"));
        TestDataSummary testData = new TestDataSummary(FIRST_STUDENT_ID + "-" + (FIRST_STUDENT_ID + USERS - 1), 0,
                "not needed: the embedded database is discarded with the run", null);
        ExportAtExit.afterRun(this, new RunContext(config, counted, true, invariants, serverMetrics, testData, anomalies, null));
    }

    private static void corrupt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE locker_info SET owner_serial_id = u.serial_id, owner_student_id = u.student_id "
                    + "FROM (SELECT serial_id, student_id FROM users WHERE serial_id NOT IN "
                    + "(SELECT user_serial_id FROM locker_assignments WHERE state = 'confirmed') LIMIT 1) u "
                    + "WHERE locker_id = 102");
        }
    }
}
