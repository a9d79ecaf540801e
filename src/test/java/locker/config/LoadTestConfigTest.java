package locker.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadTestConfigTest {

    private static LoadTestConfig configWith(Map<String, String> env) {
        return LoadTestConfig.from(new SettingSource(name -> null, env, new Properties()));
    }

    @Test
    void defaultsAreTheSeeds() {
        LoadTestConfig config = configWith(Map.of());
        assertThat(config.baseUrl).isEmpty();
        assertThat(config.usesEmbeddedStack()).isTrue();
        assertThat(config.totalUsers).isEqualTo(1000);
        assertThat(config.concurrentUsers).isEqualTo(50);
        assertThat(config.confirmationRate).isEqualTo(0.5);
        assertThat(config.requestTimeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.thinkTimeMin).isEqualTo(Duration.ofMillis(500));
        assertThat(config.thinkTimeMax).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.profile).isEqualTo(LoadProfile.BATCH);
        assertThat(config.studentIdStart).isEqualTo(20231000L);
        assertThat(config.testLockersCount).isEqualTo(150);
        assertThat(config.resultsFilename).isEqualTo("load_test_results.json");
        assertThat(config.perUserLogging).isTrue();
    }

    @Test
    void systemPropertyBeatsEnvironmentWhichBeatsTheFile() {
        Properties file = new Properties();
        file.setProperty("TOTAL_USERS", "10");
        file.setProperty("CONCURRENT_USERS", "5");
        file.setProperty("CONFIRMATION_RATE", "0.2");
        Map<String, String> env = Map.of("TOTAL_USERS", "20", "CONCURRENT_USERS", "6");
        Map<String, String> props = Map.of("TOTAL_USERS", "30");

        LoadTestConfig config = LoadTestConfig.from(new SettingSource(props::get, env, file));

        assertThat(config.totalUsers).isEqualTo(30);
        assertThat(config.concurrentUsers).isEqualTo(6);
        assertThat(config.confirmationRate).isEqualTo(0.2);
    }

    @Test
    void blankValuesFallThroughToTheNextSource() {
        Properties file = new Properties();
        file.setProperty("PROFILE", "rush");
        LoadTestConfig config = LoadTestConfig.from(new SettingSource(name -> " ", Map.of("PROFILE", ""), file));
        assertThat(config.profile).isEqualTo(LoadProfile.RUSH);
    }

    @Test
    void theBundledFileIsRead() {
        LoadTestConfig config = LoadTestConfig.from(SettingSource.standard());
        assertThat(config.settingNames).contains("TOTAL_USERS", "BASE_URL", "DB_PASSWORD");
    }

    @Test
    void everyBadValueIsNamedWithItsRange() {
        Map<String, String> env = new HashMap<>();
        env.put("TOTAL_USERS", "-5");
        env.put("CONCURRENT_USERS", "many");
        env.put("CONFIRMATION_RATE", "1.5");
        env.put("USER_THINK_TIME_MIN", "3");
        env.put("USER_THINK_TIME_MAX", "1");
        env.put("BASE_URL", "localhost:3000");
        env.put("PROFILE", "stampede");
        env.put("SAVE_DETAILED_RESULTS", "maybe");

        assertThatThrownBy(() -> configWith(env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "TOTAL_USERS must be a whole number from 1 to 1000000, was '-5'",
                        "CONCURRENT_USERS must be a whole number from 1 to 100000, was 'many'",
                        "CONFIRMATION_RATE must be a number from 0.0 to 1.0, was '1.5'",
                        "USER_THINK_TIME_MIN (3.0 s) must not be greater than USER_THINK_TIME_MAX (1.0 s)",
                        "BASE_URL must be an http:// or https:// URL with a host, such as http://localhost:3000, "
                                + "was 'localhost:3000'",
                        "PROFILE must be one of batch, rush, ramp, soak, capacity, was 'stampede'",
                        "SAVE_DETAILED_RESULTS must be true or false, was 'maybe'"))
                .hasMessageStartingWith("invalid load-test settings (nothing was started or changed):");
    }

    @Test
    void studentIdsMustStayWithinTenDigits() {
        assertThatThrownBy(() -> configWith(Map.of("STUDENT_ID_START", "9999999999", "TOTAL_USERS", "2")))
                .hasMessageContaining("STUDENT_ID_START + TOTAL_USERS - 1 must stay within 10 digits");
        assertThatThrownBy(() -> configWith(Map.of("STUDENT_ID_START", "1234")))
                .hasMessageContaining("STUDENT_ID_START must be a whole number from 10000000 to 9999999999, was '1234'");
    }

    @Test
    void openProfilesMustEndBeforeTheTotalTimeout() {
        assertThatThrownBy(() -> configWith(Map.of("PROFILE", "soak", "SOAK_DURATION", "600", "TOTAL_TIMEOUT", "300")))
                .hasMessageContaining("SOAK_DURATION (600.0 s) must be shorter than TOTAL_TIMEOUT (300.0 s)");
        assertThatThrownBy(() -> configWith(Map.of("PROFILE", "ramp", "RAMP_DURATION", "90", "TOTAL_TIMEOUT", "60")))
                .hasMessageContaining("RAMP_DURATION (90.0 s) must be shorter than TOTAL_TIMEOUT (60.0 s)");
    }

    @Test
    void baseUrlLosesItsTrailingSlash() {
        LoadTestConfig config = configWith(Map.of("BASE_URL", "http://locker.example:3000/"));
        assertThat(config.baseUrl).contains("http://locker.example:3000");
        assertThat(config.usesEmbeddedStack()).isFalse();
    }

    @Test
    void perUserLoggingIsAutomaticallyOffAboveAThousandStudents() {
        assertThat(configWith(Map.of("TOTAL_USERS", "1000")).perUserLogging).isTrue();
        assertThat(configWith(Map.of("TOTAL_USERS", "1001")).perUserLogging).isFalse();
        assertThat(configWith(Map.of("TOTAL_USERS", "5000", "PER_USER_LOGGING", "on")).perUserLogging).isTrue();
        assertThat(configWith(Map.of("TOTAL_USERS", "5", "PER_USER_LOGGING", "off")).perUserLogging).isFalse();
    }

    @Test
    void theReadmeDocumentsEverySetting() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        LoadTestConfig config = configWith(Map.of());
        assertThat(config.settingNames).isNotEmpty().allSatisfy(name ->
                assertThat(readme).as("README settings table row for " + name).contains("| `" + name + "` |"));
    }

    @Test
    void thePasswordAppearsNowhereInTheDescription() {
        LoadTestConfig config = configWith(Map.of("BASE_URL", "http://localhost:3000", "DB_PASSWORD", "s3cret-pw"));
        assertThat(config.describe().toString()).doesNotContain("s3cret-pw");
        assertThat(config.database.toString()).doesNotContain("s3cret-pw");
        assertThat(config.database.password()).isEqualTo("s3cret-pw");
    }
}
