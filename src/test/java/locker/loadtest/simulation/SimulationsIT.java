package locker.loadtest.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.loadtest.results.ExitStatus;
import locker.testdata.TestData;
import locker.testsupport.GatlingFork;
import locker.testsupport.StackExtension;
import locker.testsupport.testdata.DatabaseRows;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the simulations against one embedded stack, each in its own JVM as {@code ./mvnw gatling:test}
 * does, then looks at the database behind the API's back: during the run's aftermath (test data kept)
 * and after the restore (every table as before the run).
 */
class SimulationsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    @TempDir
    Path results;
    private Map<String, List<String>> tablesBefore;

    @BeforeEach
    void rememberTheDatabase() throws SQLException {
        tablesBefore = STACK.contractTables();
    }

    @Test
    void theRushLeavesOneOwnerPerLockerAndTheConfirmsInTheDatabase() throws Exception {
        GatlingFork.Result run = run(LockerReservationSimulation.class, "TOTAL_USERS", "80", "CONCURRENT_USERS", "40",
                "TEST_LOCKERS_COUNT", "30", "USER_THINK_TIME_MIN", "0.05", "USER_THINK_TIME_MAX", "0.2",
                "MIN_THROUGHPUT", "0", "KEEP_TEST_DATA", "true");

        try {
            assertThat(run.exitCode()).as(run.output()).isZero();
            JsonNode outcomes = results().path("summary").path("scenario_outcomes");
            long confirmed = outcomes.path("confirmed").asLong();
            assertThat(confirmed).isPositive();
            assertThat(outcomes.path("ownership_verified").asLong()).isEqualTo(confirmed);
            assertThat(outcomes.path("ownership_mismatched").asLong()).isZero();
            // every won hold is confirmed or given up, unless the server's hold clean-up or sweep expired it first
            // (deployed-service.md §8 R1, R2, R5): its confirm or give-up is then refused, a failed request counted
            // as an outcome of its own; no other confirm or give-up fails
            long confirmRefused = outcomes.path("confirm_refused").asLong();
            long giveUpRefused = outcomes.path("give_up_refused").asLong();
            assertThat(outcomes.path("holds_won").asLong())
                    .isEqualTo(confirmed + confirmRefused + outcomes.path("given_up").asLong() + giveUpRefused);
            assertThat(results().path("endpoints").path(locker.loadtest.scenario.Endpoints.CONFIRM).path("ko").asLong())
                    .isEqualTo(confirmRefused);
            assertThat(results().path("endpoints").path(locker.loadtest.scenario.Endpoints.RELEASE_HOLD).path("ko")
                    .asLong()).isEqualTo(giveUpRefused);
            assertThat(results().path("contract").path("passed").asBoolean()).as("checked before the run").isTrue();
            assertThat(results().path("invariants")).isNotEmpty().allSatisfy(invariant ->
                    assertThat(invariant.path("passed").asBoolean()).as(invariant.toString()).isTrue());
            try (Connection db = STACK.stack().openConnection()) {
                assertThat(DatabaseRows.count(db, "SELECT count(*) FROM locker_info WHERE owner_student_id LIKE '99%'"))
                        .isEqualTo(confirmed);
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                        WHERE a.state = 'confirmed' AND u.student_id LIKE '99%'""")).isEqualTo(confirmed);
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM (SELECT owner_serial_id FROM locker_info WHERE owner_serial_id IS NOT NULL
                                              GROUP BY owner_serial_id HAVING count(*) > 1) twice""")).isZero();
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM (SELECT locker_id FROM locker_assignments WHERE state IN ('hold', 'confirmed')
                                              GROUP BY locker_id HAVING count(*) > 1) twice""")).isZero();
                // given-up holds were deleted, so no hold row of the run is left
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                        WHERE a.state = 'hold' AND u.student_id LIKE '99%'""")).isZero();
            }
            assertThat(run.output()).contains("Starting scenario", "Login successful", "Attempting to hold locker",
                    "LOAD TEST RESULTS");
        } finally {
            // the run kept its test data for the checks above; the restore runs even when one of them failed
            try (TestData data = TestData.connect(settings().database, settings().redis)) {
                assertThat(data.restore().exact()).isTrue();
            }
        }
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void exactlyOneRacerWinsTheLocker() throws Exception {
        GatlingFork.Result run = run(LockerRaceSimulation.class, "RACE_USERS", "10");

        assertThat(run.output())
                .contains("POST /lockers/{id}/hold: count of all events is 10.0 : true")
                .contains("POST /lockers/{id}/confirm: count of all events is 1.0 : true");
        JsonNode outcomes = results().path("summary").path("scenario_outcomes");
        assertThat(outcomes.path("hold_attempts").asLong()).isEqualTo(10);
        assertThat(outcomes.path("holds_won").asLong()).isEqualTo(1);
        assertThat(outcomes.path("lost_race").asLong()).isEqualTo(9);
        // the server's hold clean-up can expire the winner's fresh hold (deployed-service.md §8 R1): a refused
        // confirm is then the run's one failed request, and fails the run
        long refused = outcomes.path("confirm_refused").asLong();
        assertThat(outcomes.path("confirmed").asLong() + refused).isEqualTo(1);
        assertThat(results().path("summary").path("failed_requests").asLong()).isEqualTo(refused);
        assertThat(run.exitCode() == 0).as(run.output()).isEqualTo(refused == 0);
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void theSmokeRunTakesOneStudentThroughEveryStepAndBack() throws Exception {
        GatlingFork.Result run = run(SmokeSimulation.class);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("count of failed events is 0.0 : true");
        assertThat(results().path("endpoints").path("POST /lockers/{id}/release").path("ok").asLong()).isEqualTo(1);
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void aRealServerWhoseDatabaseCannotBeReachedIsRefusedBeforeAnythingIsSent() throws Exception {
        GatlingFork.Result run = run(LockerReservationSimulation.class, "DB_PORT", Integer.toString(closedPort()),
                "STUDENT_ID_START", "4000000000", "TOTAL_USERS", "6");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.BAD_SETTINGS.code());
        assertThat(run.output()).contains("cannot be reached", "Nothing was sent", "RUN_WITHOUT_DATABASE=true")
                .doesNotContain("\tat ");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void withoutADatabaseTheRunGivesBackEveryLockerAndSaysWhatStays() throws Exception {
        GatlingFork.Result run = run(LockerReservationSimulation.class, "DB_PORT", Integer.toString(closedPort()),
                "RUN_WITHOUT_DATABASE", "true", "STUDENT_ID_START", "4000000000", "TOTAL_USERS", "6",
                "CONCURRENT_USERS", "6", "CONFIRMATION_RATE", "1", "USER_THINK_TIME_MIN", "0", "USER_THINK_TIME_MAX",
                "0", "HOLD_RETRIES", "5", "MIN_THROUGHPUT", "0");
        try {
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("RUN_WITHOUT_DATABASE", "Left on the server:");
            JsonNode results = results();
            assertThat(results.path("config").path("db_connected").asBoolean(true)).isFalse();
            long confirmed = results.path("summary").path("scenario_outcomes").path("confirmed").asLong();
            assertThat(confirmed).as("students owned lockers when the load ended").isPositive();
            JsonNode testData = results.path("test_data");
            assertThat(testData.path("lockers_left").asInt(-1)).isZero();
            assertThat(testData.path("restore").asText()).contains("released " + confirmed + " lockers",
                    "logged out 6 of 6 students");
            assertThat(testData.path("left_on_server").get(0).asText()).startsWith("test users 4000000000-4000000005");
            assertThat(results.path("contract").path("skipped").asText()).contains("no database");
            try (Connection db = STACK.stack().openConnection()) {
                assertThat(DatabaseRows.count(db, "SELECT count(*) FROM users WHERE student_id LIKE '400000000%'"))
                        .as("the test users stay: the API cannot remove them").isEqualTo(6);
                assertThat(DatabaseRows.count(db, "SELECT count(*) FROM locker_info WHERE owner_student_id LIKE '400000000%'"))
                        .isZero();
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM locker_assignments a JOIN users u ON u.serial_id = a.user_serial_id
                        WHERE a.state IN ('hold', 'confirmed') AND u.student_id LIKE '400000000%'""")).isZero();
                assertThat(DatabaseRows.count(db, """
                        SELECT count(*) FROM auth_refresh_tokens t JOIN users u ON u.serial_id = t.user_serial_id
                        WHERE t.revoked_at IS NULL AND u.student_id LIKE '400000000%'""")).as("every token logged out")
                        .isZero();
            }
        } finally {
            // what the run had to leave: its test users (and with them their rows)
            try (Connection db = STACK.stack().openConnection(); Statement statement = db.createStatement()) {
                statement.executeUpdate("DELETE FROM users WHERE student_id LIKE '400000000%'");
            }
        }
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void withoutADatabaseALockerThatCannotBeGivenBackFailsTheRunAndIsNamed() throws Exception {
        // a stub, because a release that keeps failing cannot be had from the twin on demand
        GatlingFork.Result run = runAgainst(Map.of("/lockers/101/release", answer(500, "Internal Server Error")),
                "DB_PORT", Integer.toString(closedPort()), "RUN_WITHOUT_DATABASE", "true");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.LOCKERS_LEFT_ON_SERVER.code());
        JsonNode testData = results().path("test_data");
        assertThat(testData.path("lockers_left").asInt()).isEqualTo(1);
        assertThat(testData.path("left_on_server").toString())
                .contains("locker 101 owned by " + LoadTestConfig.DEFAULT_STUDENT_ID_START + ": release answered 500 Internal Server Error");
        assertThat(run.output()).contains("1 lockers stay held or owned by test students on the server");
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theServerBenchmarkCyclesLockersOfTheirOwnWithoutALostRace() throws Exception {
        // someone else's hold on each of the server's own free lockers, as an earlier run without a database can leave
        // one (a won hold that the deployed fault expired cannot be given back): the run cycles the lockers it seeded
        List<String> heldElsewhere = STACK.inspector().rows("SELECT locker_id FROM locker_info WHERE owner_serial_id IS NULL")
                .stream().map(row -> RedisKeys.hold(((Number) row.get("locker_id")).longValue())).toList();
        GatlingFork.Result result;
        try (Jedis redis = new Jedis(EmbeddedStack.HOST, STACK.stack().redisPort())) {
            heldElsewhere.forEach(key -> redis.setex(key, 60, "1"));
            try {
                result = run(ReferenceServerBenchmarkSimulation.class, "BENCHMARK_REQUESTS", "cycle",
                        "BENCHMARK_USERS", "20", "BENCHMARK_DURATION", "2");
            } finally {
                redis.del(heldElsewhere.toArray(String[]::new));
            }
        }

        assertThat(heldElsewhere).isNotEmpty();
        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode endpoints = results().path("endpoints");
        long holds = endpoints.path(locker.loadtest.scenario.Endpoints.HOLD).path("ok").asLong();
        // every student cycles at least once, however few cycles a busy machine allows in the time
        assertThat(holds).isGreaterThanOrEqualTo(20);
        // every hold is a 201 (a 409 would fail the run), confirmed and released: one cycle begun is finished
        assertThat(endpoints.path(locker.loadtest.scenario.Endpoints.CONFIRM).path("ok").asLong()).isEqualTo(holds);
        assertThat(endpoints.path(locker.loadtest.scenario.Endpoints.RELEASE).path("ok").asLong()).isEqualTo(holds);
        // logging in and the first list are not counted
        assertThat(endpoints.has(locker.loadtest.scenario.Endpoints.LOGIN)).isFalse();
        assertThat(results().path("summary").path("failed_requests").asLong()).isZero();
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void aServerThatCannotReachRedisStopsTheRunAtThePreflight() throws Exception {
        STACK.stack().stopRedis();
        GatlingFork.Result run;
        try {
            run = run(SmokeSimulation.class);
        } finally {
            STACK.stack().restartRedis();
        }

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.PREFLIGHT_FAILED.code());
        assertThat(run.output()).contains("pre-flight check failed", STACK.stack().baseUrl() + "/api/v1/health answered 500")
                .doesNotContain("seeded run", "\tat ");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void anErrorAnswerIsAFailedRequestWithItsStatusAndBodyTextNotACrash() throws Exception {
        // the deployed server's answer to every request while its Redis is down
        GatlingFork.Result run = runAgainst(Map.of("/auth/login-or-register", answer(503, "Service Unavailable")));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("expected answer, found 503 Service Unavailable")
                .doesNotContain("crashed", "Exception");
        assertThat(results().path("endpoints").path(locker.loadtest.scenario.Endpoints.LOGIN).path("ko").asLong()).isEqualTo(1);
        assertThat(results().path("errors").get(0).path("message").asText())
                .isEqualTo("expected answer, found 503 Service Unavailable");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void aHoldRefusedByTheDatabaseFailsAndIsCountedAsItsOwnOutcome() throws Exception {
        GatlingFork.Result run = runAgainst(Map.of("/lockers/101/hold",
                answer(409, LockerAnswer.HOLD_FAILED_ON_DB_TEXT)));

        assertThat(run.exitCode()).isNotZero();
        assertThat(results().path("summary").path("scenario_outcomes").path("hold_refused_by_db").asLong()).isEqualTo(1);
        assertThat(results().path("errors").get(0).path("message").asText())
                .isEqualTo("expected answer, found 409 Locker hold failed on DB. Deleting Redis key.");
        assertThat(run.output()).containsPattern("hold refused by db: +1");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void aConfirmRefusedAfterAWonHoldFailsAndIsCountedAsItsOwnOutcome() throws Exception {
        GatlingFork.Result run = runAgainst(Map.of("/lockers/101/confirm",
                answer(409, LockerAnswer.HOLD_EXPIRED_TEXT)));

        assertThat(run.exitCode()).isNotZero();
        JsonNode outcomes = results().path("summary").path("scenario_outcomes");
        assertThat(outcomes.path("holds_won").asLong()).isEqualTo(2);
        assertThat(outcomes.path("confirm_refused").asLong()).isEqualTo(1);
        assertThat(outcomes.path("confirmed").asLong()).isZero();
        assertThat(results().path("endpoints").path(locker.loadtest.scenario.Endpoints.CONFIRM).path("ko").asLong()).isEqualTo(1);
        assertThat(run.output()).containsPattern("confirm refused: +1");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    @Test
    void aGiveUpRefusedAfterAWonHoldFailsAndIsCountedAsItsOwnOutcome() throws Exception {
        // the server's race that expires a fresh hold (deployed-service.md §8 R1) cannot be brought about on demand:
        // a stub gives its answer
        GatlingFork.Result run = runAgainst(Map.of("/lockers/101/release-hold", answer(404, LockerAnswer.NO_HOLD_TEXT)));

        assertThat(run.exitCode()).isNotZero();
        JsonNode outcomes = results().path("summary").path("scenario_outcomes");
        assertThat(outcomes.path("holds_won").asLong()).isEqualTo(1);
        assertThat(outcomes.path("give_up_refused").asLong()).isEqualTo(1);
        assertThat(outcomes.path("given_up").asLong()).isZero();
        assertThat(results().path("errors").get(0).path("message").asText())
                .isEqualTo("expected answer, found 404 No hold found to release");
        assertThat(run.output()).containsPattern("give up refused: +1");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    private static String[] answer(int status, String body) {
        return new String[] {Integer.toString(status), body};
    }

    /**
     * The smoke run against a small HTTP server that answers as the deployed server does when all goes well,
     * except for the paths given; the test data still goes into the stack's database.
     */
    private GatlingFork.Result runAgainst(Map<String, String[]> answers, String... settings) throws IOException {
        Map<String, String[]> all = new HashMap<>(Map.of(
                "/health", answer(200, "{\"db\":\"reachable\",\"redis\":\"reachable\",\"status\":\"healthy\"}"),
                "/auth/login-or-register", answer(201, "{\"access_token\":\"e30.e30.c2ln\",\"refresh_token\":\"r\","
                        + "\"serial_id\":123456789012}"),
                "/lockers", answer(200, "{\"lockers\":[{\"locker_id\":101,\"location_id\":\"A\"}],\"available_count\":1}"),
                "/lockers/101/hold", answer(201, "{\"message\":\"locker held successfully\",\"locker\":"
                        + "{\"locker_id\":101,\"location_id\":\"A\"},\"expires_in\":\"1 minutes\"}"),
                "/lockers/101/release-hold", answer(200, "{\"message\":\"hold released successfully\"}"),
                "/lockers/101/confirm", answer(200, "{\"message\":\"locker confirmed successfully\"}")));
        all.putAll(answers);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String[] answer = all.getOrDefault(exchange.getRequestURI().getPath().replaceFirst("^/api/v1", ""),
                    answer(404, "Not Found"));
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            // the stub is not the server the contract check is about
            List<String> pairs = new java.util.ArrayList<>(List.of("BASE_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "CONTRACT_CHECK", "false"));
            pairs.addAll(List.of(settings));
            return run(SmokeSimulation.class, pairs.toArray(String[]::new));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadSettingStopsTheRunBeforeAnythingStarts() throws Exception {
        GatlingFork.Result run = run(LockerReservationSimulation.class, "CONFIRMATION_RATE", "2");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("CONFIRMATION_RATE must be a number from 0.0 to 1.0, was '2'");
        assertThat(STACK.contractTables()).isEqualTo(tablesBefore);
    }

    private GatlingFork.Result run(Class<?> simulation, String... pairs) {
        return GatlingFork.run(simulation, results, GatlingFork.settings(STACK.stack(), results.resolve("results.json"),
                pairs));
    }

    private JsonNode results() throws IOException {
        return JSON.readTree(results.resolve("results.json").toFile());
    }

    private static LoadTestConfig settings() {
        return LoadTestConfig.from(new SettingSource(name -> null, STACK.stack().clientSettings(), new Properties()));
    }

}
