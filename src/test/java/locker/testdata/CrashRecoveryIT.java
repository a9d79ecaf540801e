package locker.testdata;

import locker.config.SeedPlan;
import locker.testsupport.StackExtension;
import locker.testsupport.testdata.DatabaseRows;
import locker.testsupport.testdata.LoadTestStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a run's JVM inside the seed transaction, after the load and inside the restore
 * transaction; then scripts/restore.sh, or the next run, brings back the exact pre-run state.
 */
class CrashRecoveryIT {
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
    @RegisterExtension
    static final StackExtension WORLD = StackExtension.withRealLookingData();


    @AfterEach
    void databaseAndRedisAreExactlyAsBefore() throws SQLException {
        WORLD.assertTablesAsBefore();
        WORLD.assertRedisAsBefore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "load", "restore"})
    void restoreScriptRecoversAKilledRun(String phase) throws Exception {
        killDriverAt(phase);
        ProcessBuilder script = new ProcessBuilder(Path.of("scripts/restore.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        script.environment().putAll(WORLD.stack().clientSettings());
        script.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        Process restore = script.start();
        String output = readAll(restore);
        assertThat(restore.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(restore.exitValue()).as(output).isZero();
        assertThat(output).contains(phase.equals("seed")
                ? "nothing to restore" : "restored (run #");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "load", "restore"})
    void theNextRunRecoversAKilledRun(String phase) throws Exception {
        killDriverAt(phase);
        try (TestData next = GuardsIT.connect(WORLD.stack().clientSettings())) {
            SeedResult seeded = next.seed(plan());
            assertThat(seeded.earlierRun().isPresent()).isEqualTo(!phase.equals("seed"));
            seeded.earlierRun().ifPresent(report -> assertThat(report.exact()).isTrue());
            assertThat(next.restore().exact()).isTrue();
        }
    }

    /** Starts the driver, waits until it reports {@code phase} (where it then waits), and kills it hard. */
    private static void killDriverAt(String phase) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoadTestStandIn.class.getName(), phase)
                .redirectErrorStream(true);
        builder.environment().putAll(WORLD.stack().clientSettings());
        builder.environment().put("TOTAL_USERS", Integer.toString(plan().totalUsers()));
        builder.environment().put("TEST_LOCKERS_COUNT", Integer.toString(plan().testLockersCount()));
        Process driver = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.equals("phase: " + phase)) {
                    break;
                }
                assertThat(System.nanoTime()).as("driver output so far:\n" + seen).isLessThan(deadline);
            }
            assertThat(seen.toString()).as("the driver reached the phase").contains("phase: " + phase);
            driver.destroyForcibly();
            assertThat(driver.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        awaitSessionsGone();
    }

    /** A killed client's database sessions end once PostgreSQL sees the closed socket. */
    private static void awaitSessionsGone() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        try (Connection c = WORLD.stack().openConnection()) {
            while (DatabaseRows.count(c, "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE application_name = 'locker-loadtest test data'") > 0) {
                assertThat(System.nanoTime()).as("the killed driver's session ended").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static SeedPlan plan() {
        return new SeedPlan(50, locker.config.LoadTestConfig.DEFAULT_STUDENT_ID_START, 12);
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
