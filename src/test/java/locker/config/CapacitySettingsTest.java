package locker.config;

import locker.loadtest.capacity.CapacityPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacitySettingsTest {
    private static LoadTestConfig configWith(Map<String, String> env) {
        return LoadTestConfig.from(new SettingSource(name -> null, env, new Properties()));
    }

    @Test
    void theDefaultsSearchFrom25To1600StudentsForTheSeedsHundred() {
        LoadTestConfig config = configWith(Map.of("PROFILE", "capacity"));
        assertThat(config.profile).isEqualTo(Profile.CAPACITY);
        assertThat(CapacityPlan.of(config).levels()).containsExactly(25, 50, 100, 200, 400, 800, 1600);
        assertThat(CapacityPlan.of(config).levelDuration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.minStableConcurrency).isEqualTo(100);
        assertThat(config.generatorSaturation).isEqualTo(LoadTestConfig.GeneratorSaturation.WARN);
        assertThat(config.perUserLogging).as("looping students would flood the console").isFalse();
        assertThat(configWith(Map.of("PROFILE", "capacity", "PER_USER_LOGGING", "on")).perUserLogging).isTrue();
        assertThat(config.settingNames).contains("CAPACITY_START", "CAPACITY_FACTOR", "CAPACITY_MAX",
                "CAPACITY_LEVEL_DURATION", "MIN_STABLE_CONCURRENCY", "GENERATOR_SATURATION");
    }

    @Test
    void badCapacitySettingsAreNamed() {
        assertThatThrownBy(() -> configWith(Map.of("CAPACITY_START", "200", "CAPACITY_MAX", "100")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CAPACITY_START (200) must not be greater than CAPACITY_MAX (100)");
        assertThatThrownBy(() -> configWith(Map.of("CAPACITY_FACTOR", "1")))
                .hasMessageContaining("CAPACITY_FACTOR");
        assertThatThrownBy(() -> configWith(Map.of("GENERATOR_SATURATION", "maybe")))
                .hasMessageContaining("GENERATOR_SATURATION");
        assertThatThrownBy(() -> configWith(Map.of("PROFILE", "capacity", "STUDENT_ID_START", "9999999000")))
                .hasMessageContaining("STUDENT_ID_START (9999999000) + CAPACITY_MAX (1600) - 1 = 10000000599 has more than 10 digits");
    }
}
