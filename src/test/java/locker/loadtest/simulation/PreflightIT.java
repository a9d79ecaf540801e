package locker.loadtest.simulation;

import com.sun.net.httpserver.HttpServer;
import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.SettingSource;
import locker.loadtest.results.ExitStatus;
import locker.testdata.TestData;
import locker.testsupport.GatlingFork;
import locker.testsupport.testdata.DatabaseRows;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target that does not answer its health check with 200, or a database another run holds, stops the run before
 * seeding: exit code 7, a message naming the URL and what came back or the other run, no stack trace, and the database
 * the run was given (a real one) exactly as it was.
 */
class PreflightIT {
    private static EmbeddedStack database;

    @TempDir
    Path results;

    @BeforeAll
    static void startADatabase() {
        database = EmbeddedStack.start();
    }

    @AfterAll
    static void stopTheDatabase() {
        database.close();
    }

    @Test
    void aClosedPortStopsTheRunAndNamesTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort;

        String output = runUntouched(baseUrl);

        assertThat(output).contains("pre-flight check failed, the run stops before seeding (nothing was changed): GET "
                + baseUrl + "/api/v1/health got no answer");
    }

    @Test
    void aServerAnswering500StopsTheRunAndShowsTheAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = "{\"db\":\"unreachable\",\"error\":\"dial tcp: connection refused\",\"status\":\"unhealthy\"}"
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

            String output = runUntouched(baseUrl);

            assertThat(output).contains("GET " + baseUrl + "/api/v1/health answered 500 instead of 200: "
                    + "{\"db\":\"unreachable\",\"error\":\"dial tcp: connection refused\",\"status\":\"unhealthy\"}");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDatabaseAnotherRunHoldsStopsTheRunBeforeSeedingWithoutAStackTrace() throws Exception {
        LoadTestConfig config = LoadTestConfig.from(new SettingSource(name -> null, database.clientSettings(),
                new Properties()));
        try (TestData otherRun = TestData.connect(config.database, config.redis)) {
            otherRun.seed(new SeedPlan(5, config.studentIdStart, 2));
            try {
                String output = runUntouched(database.baseUrl(), Map.of("CONTRACT_CHECK", "false"));

                assertThat(output).contains("refusing to seed: another load-test process is seeding, running or"
                        + " restoring", "Nothing was changed.");
            } finally {
                assertThat(otherRun.restore().exact()).isTrue();
            }
        }
    }

    private String runUntouched(String baseUrl) throws SQLException {
        return runUntouched(baseUrl, Map.of());
    }

    /** Runs the rush against {@code baseUrl} with the real database; checks it stopped early and changed nothing. */
    private String runUntouched(String baseUrl, Map<String, String> more) throws SQLException {
        Map<String, List<String>> tablesBefore;
        String ledgerBefore;
        try (Connection db = database.openConnection()) {
            tablesBefore = DatabaseRows.dump(db);
            ledgerBefore = DatabaseRows.loadTestLedger(db);
        }
        Map<String, String> settings = new HashMap<>(database.clientSettings());
        settings.put("BASE_URL", baseUrl);
        settings.put("RESULTS_FILENAME", results.resolve("results.json").toString());
        settings.putAll(more);

        GatlingFork.Result run = GatlingFork.run(LockerReservationSimulation.class, results, settings);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitStatus.PREFLIGHT_FAILED.code());
        assertThat(run.output()).doesNotContain("seeded run", "\tat ");
        assertThat(results.resolve("results.json")).doesNotExist();
        try (Connection db = database.openConnection()) {
            assertThat(DatabaseRows.dump(db)).isEqualTo(tablesBefore);
            assertThat(DatabaseRows.loadTestLedger(db)).isEqualTo(ledgerBefore);
        }
        return run.output();
    }
}
