package locker.loadtest.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.loadtest.results.ExitStatus;
import locker.testsupport.GatlingFork;
import locker.testsupport.StackExtension;
import locker.testsupport.Waiting;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database stops answering the load test in the middle of a run, as when the server's PostgreSQL is stopped: the
 * run's sessions end and new ones are refused. The restore fails; the run still exports its results, which say so,
 * and ends with {@link ExitStatus#RESTORE_INCOMPLETE} and the restore's message, without a stack trace. Once the
 * database answers again, scripts/restore.sh brings it back exactly as before the run.
 */
class RestoreFailureIT {
    @RegisterExtension
    static final StackExtension WORLD = StackExtension.withRealLookingData();

    @TempDir
    Path results;

    @Test
    void aDatabaseThatStopsAnsweringMidRunEndsTheRunWithItsStatusAndTheRestoreScriptRecoversIt() throws Exception {
        Path resultsFile = results.resolve("results.json");
        GatlingFork.Started run = GatlingFork.start(LockerReservationSimulation.class, results,
                GatlingFork.settings(WORLD.stack(), resultsFile, "TOTAL_USERS", "40", "CONCURRENT_USERS", "4",
                        "CONTRACT_CHECK", "false"));
        String maintenanceUrl = WORLD.stack().jdbcUrl().replace("/" + EmbeddedStack.DB_NAME, "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, EmbeddedStack.DB_USER,
                EmbeddedStack.DB_PASSWORD)) {
            try {
                Waiting.until(Duration.ofMinutes(2), run::output, output -> output.contains("seeded run #"));
                refuseTheLoadTestsSessions(admin, true);
                assertThat(run.process().waitFor(3, TimeUnit.MINUTES)).as(run.output()).isTrue();
            } finally {
                run.process().destroyForcibly();
                refuseTheLoadTestsSessions(admin, false);
            }
        }

        String output = run.output();
        assertThat(run.process().exitValue()).as(output).isEqualTo(ExitStatus.RESTORE_INCOMPLETE.code());
        assertThat(output).contains("the restore failed and was rolled back; scripts/restore.sh retries it:")
                .doesNotContain("\tat ");
        JsonNode testData = new ObjectMapper().readTree(resultsFile.toFile()).path("test_data");
        assertThat(testData.path("restored_exactly").asBoolean(true)).as(testData.toString()).isFalse();
        assertThat(testData.path("restore").asText()).startsWith("the restore failed and was rolled back");

        ProcessBuilder script = new ProcessBuilder(Path.of("scripts/restore.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        script.environment().putAll(WORLD.stack().clientSettings());
        script.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        Process restore = script.start();
        String restoreOutput = new String(restore.getInputStream().readAllBytes());
        assertThat(restore.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(restoreOutput).isZero();
        assertThat(restoreOutput).contains("restored (run #");
        WORLD.assertTablesAsBefore();
        WORLD.assertRedisAsBefore();
    }

    /**
     * Through the maintenance database: with {@code refuse}, the locker database accepts no new session and the load
     * test's sessions are ended (the server's own pooled sessions stay, so the load goes on); without it, sessions are
     * accepted again.
     */
    private static void refuseTheLoadTestsSessions(Connection admin, boolean refuse) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + EmbeddedStack.DB_NAME + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name LIKE 'locker-loadtest%'");
            }
        }
    }
}
