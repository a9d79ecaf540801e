package locker.testdata;

import locker.config.DbTarget;
import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.config.SettingSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class TestDataSettingsTest {
    @Test
    void thePlanComesFromTheSettings() {
        assertThat(config(Map.of()).seedPlan(1000)).isEqualTo(new SeedPlan(1000, 9_900_000_000L, 150));
        assertThat(config(Map.of("STUDENT_ID_START", "2024000000", "TEST_LOCKERS_COUNT", "0")).seedPlan(20))
                .isEqualTo(new SeedPlan(20, 2024000000L, 0));
    }

    @Test
    void anEarlierRunsPlanFromTheLedgerIsTakenAsItIsSoThatItCanBeRestored() {
        // runs seeded before student ids had to be 10 digits used 8-digit ids
        SeedPlan earlier = new SeedPlan(1000, 20231000L, 150);
        assertThat(earlier.studentIdEnd()).isEqualTo(20231999L);
        assertThat(TestUserRoster.of(earlier).get(0).studentId()).isEqualTo("20231000");
    }

    @Test
    void theDatabaseTargetNeverShowsItsPassword() {
        DbTarget db = config(Map.of("DB_HOST", "db.example", "DB_PORT", "6543",
                "DB_NAME", "lockers", "DB_USER", "loadtest", "DB_PASSWORD", "hunter2-secret")).database;
        assertThat(db.password()).isEqualTo("hunter2-secret");
        assertThat(db.toString()).isEqualTo("loadtest@db.example:6543/lockers").doesNotContain("hunter2");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/lockers");
        assertThat(config(Map.of("REDIS_PASSWORD", "hunter2-secret")).redis.toString()).isEqualTo("localhost:6379");
    }

    private static LoadTestConfig config(Map<String, String> environment) {
        return LoadTestConfig.from(new SettingSource(name -> null, environment, new Properties()));
    }
}
