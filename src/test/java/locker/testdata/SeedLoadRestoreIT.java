package locker.testdata;

import locker.config.LoadTestConfig;
import locker.config.RedisTarget;
import locker.config.SeedPlan;
import locker.contract.RedisKeys;
import locker.testsupport.StackExtension;
import locker.testsupport.testdata.DatabaseRows;
import locker.testsupport.testdata.RealLookingData;
import locker.testsupport.testdata.SmallLoad;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static locker.testsupport.testdata.DatabaseRows.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed, real HTTP load by test users, restore, against the embedded stack holding real-looking data. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedLoadRestoreIT {
    private static final SeedPlan PLAN = new SeedPlan(40, locker.config.LoadTestConfig.DEFAULT_STUDENT_ID_START, 12);
    @RegisterExtension
    static final StackExtension WORLD = StackExtension.withRealLookingData();


    @Test
    @Order(1)
    void seedLoadRestoreLeavesEveryTableAndRedisAsBefore() throws SQLException {
        try (TestData data = connect()) {
            SeedResult seeded = data.seed(PLAN);
            assertThat(seeded.dbConnected()).isTrue();
            assertThat(seeded.testLockerIds()).hasSize(12).allMatch(id -> id >= 10000);
            try (Connection c = WORLD.stack().openConnection()) {
                assertThat(count(c, "SELECT count(*) FROM users WHERE student_id BETWEEN '9900000000' AND '9900000039'"))
                        .isEqualTo(40);
                assertThat(count(c, "SELECT count(DISTINCT location_id) FROM locker_info WHERE locker_id >= 10000"))
                        .isEqualTo(7);
            }

            List<String> unexpected = new SmallLoad(WORLD.stack().baseUrl()).run(seeded.users(), seeded.testLockerIds(),
                    RealLookingData.FREE_FOR_TEST_USERS, data::recordAccessToken);
            assertThat(unexpected).as("every call answered as the contract says (logins 200: seeded users found)").isEmpty();
            try (Connection c = WORLD.stack().openConnection()) {
                assertThat(count(c, "SELECT count(*) FROM locker_info WHERE locker_id = 104 AND owner_serial_id IS NOT NULL"))
                        .as("a test user owns a real locker").isEqualTo(1);
            }
            assertThat(WORLD.redis().get(RedisKeys.hold(RealLookingData.FREE_FOR_TEST_USERS.get(1))))
                    .isEqualTo(Long.toString(seeded.users().get(11).serialId()));
            assertThat(WORLD.redis().keys(RedisKeys.BLACKLIST_PREFIX + "*")).hasSize(4);

            RestoreReport report = data.restore();

            assertThat(report.status()).isEqualTo(RestoreReport.Status.RESTORED);
            assertThat(report.summary()).contains("users 4 = 4", "locker_info 22 = 22", "locker_assignments 3 = 3",
                    "auth_refresh_tokens 3 = 3", "locker_locations 7 = 7");
            assertThat(report.removed().users()).isEqualTo(40);
            assertThat(report.removed().lockers()).isEqualTo(12);
            assertThat(report.redisSummary()).isEqualTo("redis: removed 8 hold keys, 3 blacklist entries");
        }
        assertDatabaseAndRedisAsBefore();
    }

    @Test
    @Order(2)
    void restoringTwiceIsHarmlessAndSeedingAgainWorks() throws SQLException {
        try (TestData data = connect()) {
            assertThat(data.restore().status()).isEqualTo(RestoreReport.Status.NOTHING_TO_RESTORE);
            assertDatabaseAndRedisAsBefore();
            SeedResult again = data.seed(PLAN);
            assertThat(again.earlierRun()).isEmpty();
            assertThat(data.restore().exact()).isTrue();
            assertThat(data.restore().status()).isEqualTo(RestoreReport.Status.NOTHING_TO_RESTORE);
        }
        assertDatabaseAndRedisAsBefore();
        try (Connection c = WORLD.stack().openConnection()) {
            assertThat(count(c, "SELECT count(*) FROM loadtest.runs WHERE restored_exactly")).isEqualTo(2);
            assertThat(count(c, "SELECT count(*) FROM loadtest.snapshot_users")).isZero();
        }
    }

    @Test
    @Order(3)
    void rowsARealUserChangedDuringTheRunAreReportedAndKept() throws SQLException {
        Map<String, List<String>> withRealActivity;
        try (TestData data = connect()) {
            SeedResult seeded = data.seed(PLAN);
            SmallLoad load = new SmallLoad(WORLD.stack().baseUrl());
            assertThat(load.run(seeded.users(), seeded.testLockerIds(), RealLookingData.FREE_FOR_TEST_USERS,
                    data::recordAccessToken)).isEmpty();
            SmallLoad.Session real = load.login(RealLookingData.LATECOMER, 200);
            load.post("/lockers/" + RealLookingData.FREE_FOR_LATECOMER + "/hold", real, Map.of(), 201);
            load.post("/lockers/" + RealLookingData.FREE_FOR_LATECOMER + "/confirm", real, Map.of(), 200);

            assertThatThrownBy(data::restore)
                    .isInstanceOfSatisfying(RestoreMismatchException.class, e -> {
                        String serial = Long.toString(RealLookingData.LATECOMER.serialId());
                        assertThat(e.report().summary()).contains("users 4 ≠ 4", "locker_info 22 ≠ 22",
                                "locker_assignments 4 ≠ 3", "auth_refresh_tokens 4 ≠ 3", "locker_locations 7 = 7");
                        assertThat(e.getMessage()).contains("users: 1 changed (serial_id " + serial + ")",
                                "locker_info: 1 changed (locker_id 106)", "locker_assignments: 1 added",
                                "auth_refresh_tokens: 1 added", "left as they are");
                    });
        }
        try (Connection c = WORLD.stack().openConnection()) {
            withRealActivity = DatabaseRows.dump(c);
            assertThat(count(c, "SELECT count(*) FROM locker_info WHERE locker_id = 106 AND owner_serial_id = "
                    + RealLookingData.LATECOMER.serialId())).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM locker_assignments WHERE state = 'confirmed' AND user_serial_id = "
                    + RealLookingData.LATECOMER.serialId())).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM users WHERE student_id LIKE '99%'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM locker_info WHERE locker_id >= 10000")).isZero();
            assertThat(count(c, "SELECT count(*) FROM locker_info WHERE locker_id = 104 AND owner_serial_id IS NULL"))
                    .isEqualTo(1);
        }
        for (String table : List.of("locker_locations", "flyway_schema_history")) {
            assertThat(withRealActivity.get(table)).isEqualTo(WORLD.tablesBefore().get(table));
        }
        assertThat(withRealActivity.get("users")).hasSameSizeAs(WORLD.tablesBefore().get("users"));
        assertThat(withRealActivity.get("locker_assignments")).containsAll(WORLD.tablesBefore().get("locker_assignments"));
        assertThat(withRealActivity.get("auth_refresh_tokens")).containsAll(WORLD.tablesBefore().get("auth_refresh_tokens"));
    }

    private static TestData connect() {
        return TestData.connect(LoadTestConfig.from(new locker.config.SettingSource(
                name -> null, WORLD.stack().clientSettings(), new java.util.Properties())).database,
                new RedisTarget(EmbeddedStack.HOST, WORLD.stack().redisPort(), null));
    }

    private static void assertDatabaseAndRedisAsBefore() throws SQLException {
        WORLD.assertTablesAsBefore();
        WORLD.assertRedisAsBefore();
    }
}
