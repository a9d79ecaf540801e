package locker.data;

import locker.config.SettingSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void thePlanDefaultsToTheIssuesValues() {
        assertThat(SeedPlan.fromSettings(source(Map.of()))).isEqualTo(new SeedPlan(1000, 20231000L, 150));
        assertThat(SeedPlan.fromSettings(source(Map.of("TOTAL_USERS", "20", "STUDENT_ID_START", "2024000000",
                "TEST_LOCKERS_COUNT", "0")))).isEqualTo(new SeedPlan(20, 2024000000L, 0));
    }

    @Test
    void badPlansAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> SeedPlan.fromSettings(source(Map.of("TOTAL_USERS", "lots"))))
                .hasMessage("TOTAL_USERS must be a whole number, got 'lots'");
        assertThatThrownBy(() -> new SeedPlan(0, 20231000L, 1)).hasMessageContaining("TOTAL_USERS must be between 1");
        assertThatThrownBy(() -> new SeedPlan(10, 1234567L, 1)).hasMessageContaining("outside 8 to 10 digits");
        assertThatThrownBy(() -> new SeedPlan(10, 9_999_999_995L, 1)).hasMessageContaining("outside 8 to 10 digits");
        assertThatThrownBy(() -> new SeedPlan(10, 20231000L, -1)).hasMessageContaining("TEST_LOCKERS_COUNT");
    }

    @Test
    void theDatabaseTargetNeverShowsItsPassword() {
        DbTarget db = DbTarget.fromSettings(source(Map.of("DB_HOST", "db.example", "DB_PORT", "6543",
                "DB_NAME", "lockers", "DB_USER", "loadtest", "DB_PASSWORD", "hunter2-secret")));
        assertThat(db.password()).isEqualTo("hunter2-secret");
        assertThat(db.toString()).isEqualTo("loadtest@db.example:6543/lockers").doesNotContain("hunter2");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/lockers");
        assertThat(RedisTarget.fromSettings(source(Map.of("REDIS_PASSWORD", "hunter2-secret"))).toString())
                .isEqualTo("localhost:6379");
        assertThatThrownBy(() -> DbTarget.fromSettings(source(Map.of("DB_PORT", "0")))).hasMessageContaining("DB_PORT");
    }

    private static SettingSource source(Map<String, String> environment) {
        return new SettingSource(name -> null, environment, new Properties());
    }
}
