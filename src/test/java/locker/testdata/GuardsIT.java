package locker.testdata;

import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.SettingSource;
import locker.testsupport.ConsoleCapture;
import locker.testsupport.StackExtension;
import locker.testsupport.testdata.DatabaseRows;
import locker.testsupport.testdata.RealLookingData;
import locker.testsupport.testdata.SmallLoad;
import locker.twin.stack.EmbeddedStack;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeder's refusals change nothing; an unrestored run is restored first; Redis down still restores. */
class GuardsIT {
    private static final SeedPlan PLAN = new SeedPlan(30, locker.config.LoadTestConfig.DEFAULT_STUDENT_ID_START, 10);
    @RegisterExtension
    static final StackExtension WORLD = StackExtension.withRealLookingData();


    @AfterEach
    void everyTestLeavesTheDatabaseAsBefore() throws SQLException {
        WORLD.assertTablesAsBefore();
    }

    @Test
    void aRealUserWithAnIdInTheTestRangeIsRefusedAndNothingChanges() throws SQLException {
        try (Connection c = WORLD.stack().openConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (serial_id, student_id, name, phone_number) VALUES (1, '9900000007', '홍길동', '01099998888')");
            try {
                Map<String, List<String>> withCollision = DatabaseRows.dump(c);
                String ledger = DatabaseRows.loadTestLedger(c);
                try (TestData data = connect(WORLD.stack().clientSettings())) {
                    assertThatThrownBy(() -> data.seed(PLAN)).isInstanceOf(TestDataRefusedException.class)
                            .hasMessageContaining("student_id 9900000007 (serial_id 1)")
                            .hasMessageContaining("Nothing was changed; choose another STUDENT_ID_START");
                }
                assertThat(DatabaseRows.dump(c)).isEqualTo(withCollision);
                assertThat(DatabaseRows.loadTestLedger(c)).as("no run was recorded").isEqualTo(ledger);
            } finally {
                s.execute("DELETE FROM users WHERE serial_id = 1");
            }
        }
    }

    @Test
    void aDatabaseWithoutTheContractsSchemaIsRefusedAndNothingChanges() throws SQLException {
        String wrongDb = "wrong_schema_db";
        try (Connection c = WORLD.stack().openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + wrongDb);
        }
        String url = "jdbc:postgresql://" + EmbeddedStack.HOST + ":" + WORLD.stack().dbPort() + "/" + wrongDb;
        Flyway.configure().dataSource(url, EmbeddedStack.DB_USER, "").locations("classpath:db/reference").load().migrate();
        try (Connection c = DriverManager.getConnection(url, EmbeddedStack.DB_USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP INDEX uniq_active_assignment_per_user");
            s.execute("ALTER TABLE users ADD COLUMN email text");
            Map<String, List<String>> wrong = DatabaseRows.dump(c);
            Map<String, String> settings = new java.util.HashMap<>(WORLD.stack().clientSettings());
            settings.put("DB_NAME", wrongDb);
            try (TestData data = connect(settings)) {
                assertThatThrownBy(() -> data.seed(PLAN)).isInstanceOf(TestDataRefusedException.class)
                        .hasMessageContaining("is not the contract's schema; nothing was changed")
                        .hasMessageContaining("locker_assignments has no UNIQUE (user_serial_id) WHERE state IN ('hold', 'confirmed') index")
                        .hasMessageContaining("public.users has columns")
                        .hasMessageNotContaining("UNIQUE (locker_id)");
            }
            assertThat(DatabaseRows.dump(c)).isEqualTo(wrong);
            assertThat(DatabaseRows.loadTestLedger(c)).as("not even the loadtest schema was created").isEqualTo("absent");
        }
    }

    @Test
    void whileARunIsAliveASecondRunAndARestoreAreRefused() throws SQLException {
        try (TestData running = connect(WORLD.stack().clientSettings())) {
            running.seed(PLAN);
            Map<String, List<String>> seeded;
            try (Connection c = WORLD.stack().openConnection()) {
                seeded = DatabaseRows.dump(c);
            }
            try (TestData second = connect(WORLD.stack().clientSettings())) {
                assertThatThrownBy(() -> second.seed(PLAN)).isInstanceOf(TestDataRefusedException.class)
                        .hasMessageContaining("another load-test process").hasMessageContaining("scripts/restore.sh");
                assertThatThrownBy(second::restore).isInstanceOf(TestDataRefusedException.class);
            }
            try (Connection c = WORLD.stack().openConnection()) {
                assertThat(DatabaseRows.dump(c)).isEqualTo(seeded);
            }
            assertThat(running.restore().exact()).isTrue();
        }
    }

    @Test
    void theNextRunRestoresAnUnrestoredRunFirstAndSaysSo() {
        try (TestData died = connect(WORLD.stack().clientSettings())) {
            died.seed(PLAN);
        }
        try (TestData next = connect(WORLD.stack().clientSettings())) {
            ConsoleCapture.Captured<SeedResult> seeded = ConsoleCapture.capture(() -> next.seed(PLAN));
            assertThat(seeded.output()).contains("was never restored; restoring it first", "restored (run #");
            assertThat(seeded.result().earlierRun()).hasValueSatisfying(report -> assertThat(report.exact()).isTrue());
            assertThat(next.restore().exact()).isTrue();
        }
    }

    @Test
    void withRedisDownTheDatabaseIsStillRestoredAndTheRemainingKeysAreNamed() {
        try (TestData data = connect(WORLD.stack().clientSettings())) {
            SeedResult seeded = data.seed(PLAN);
            assertThat(new SmallLoad(WORLD.stack().baseUrl()).run(seeded.users(), seeded.testLockerIds(),
                    RealLookingData.FREE_FOR_TEST_USERS, data::recordAccessToken)).isEmpty();
            WORLD.stack().stopRedis();
            try {
                RestoreReport report = data.restore();
                assertThat(report.exact()).isTrue();
                assertThat(report.redisSummary()).startsWith("WARNING: Redis at").contains("unreachable",
                        "hold keys of lockers held by test users (2): locker:hold:{104–105}; locker:hold:{"
                                + seeded.firstTestLockerId() + "–", "blacklist keys (");
                assertThat(report.redisKeysLeft()).as("every key, for the results file")
                        .contains("locker:hold:104", "locker:hold:105").anyMatch(key -> key.startsWith("blacklist:"));
            } finally {
                WORLD.stack().restartRedis();
                WORLD.reconnectRedis();
            }
        }
    }

    static TestData connect(Map<String, String> settings) {
        SettingSource source = new SettingSource(name -> null, settings, new Properties());
        LoadTestConfig config = LoadTestConfig.from(source);
        return TestData.connect(config.database, config.redis);
    }
}
