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
        assertThat(config.profile).isEqualTo(Profile.BATCH);
        assertThat(config.studentIdStart).isEqualTo(9_900_000_000L);
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
        assertThat(config.profile).isEqualTo(Profile.RUSH);
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
                        "TOTAL_USERS must be a whole number from 1 to 100000, was '-5'",
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
    void studentIdsMustBeExactlyTenDigitsForEverySimulationsStudents() {
        assertThatThrownBy(() -> configWith(Map.of("STUDENT_ID_START", "20231000")))
                .hasMessageContaining("STUDENT_ID_START must be a whole number from 1000000000 to 9999999999, was '20231000'");
        assertThatThrownBy(() -> configWith(Map.of("STUDENT_ID_START", "9999999990", "TOTAL_USERS", "10",
                "RACE_USERS", "11", "BENCHMARK_USERS", "12")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "STUDENT_ID_START (9999999990) + RACE_USERS (11) - 1 = 10000000000 has more than 10 digits;"
                                + " student ids must be exactly 10 digits, so lower STUDENT_ID_START or RACE_USERS",
                        "STUDENT_ID_START (9999999990) + BENCHMARK_USERS (12) - 1 = 10000000001 has more than 10"
                                + " digits; student ids must be exactly 10 digits, so lower STUDENT_ID_START or BENCHMARK_USERS"));
        LoadTestConfig lastPossible = configWith(Map.of("STUDENT_ID_START", "9999999000", "TOTAL_USERS", "1000"));
        assertThat(lastPossible.lastStudentId(lastPossible.totalUsers)).isEqualTo(9_999_999_999L);
    }

    /** One value per setting that its rule refuses; every setting the configuration reads has one. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("BASE_URL", "ftp://locker.example"),
            Map.entry("SERVER_WARM_UP", "601"),
            Map.entry("PROFILE", "nope"),
            Map.entry("TOTAL_USERS", "100001"),
            Map.entry("CONCURRENT_USERS", "0"),
            Map.entry("BATCH_DELAY", "-0.1"),
            Map.entry("RAMP_DURATION", "0"),
            Map.entry("SOAK_ARRIVAL_RATE", "0"),
            Map.entry("SOAK_DURATION", "soon"),
            Map.entry("SOAK_REPEATS", "1001"),
            Map.entry("TOTAL_TIMEOUT", "0"),
            Map.entry("RACE_USERS", "1"),
            Map.entry("BENCHMARK_REQUESTS", "write"),
            Map.entry("BENCHMARK_USERS", "100001"),
            Map.entry("BENCHMARK_DURATION", "0"),
            Map.entry("CONFIRMATION_RATE", "1.01"),
            Map.entry("USER_THINK_TIME_MIN", "-1"),
            Map.entry("USER_THINK_TIME_MAX", "3601"),
            Map.entry("HOLD_RETRIES", "101"),
            Map.entry("PER_USER_LOGGING", "sometimes"),
            Map.entry("REQUEST_TIMEOUT", "0"),
            Map.entry("MAX_CONNECTIONS", "-1"),
            Map.entry("STUDENT_ID_START", "202310000"),
            Map.entry("TEST_LOCKERS_COUNT", "200000"),
            Map.entry("DB_HOST", "db host"),
            Map.entry("DB_PORT", "65536"),
            Map.entry("DB_NAME", "locker db"),
            Map.entry("DB_USER", "a'b"),
            Map.entry("DB_PASSWORD", "pass\nword"),
            Map.entry("REDIS_HOST", "redis/6379"),
            Map.entry("REDIS_PORT", "0"),
            Map.entry("REDIS_PASSWORD", "pass\tword"),
            Map.entry("KEEP_TEST_DATA", "perhaps"),
            Map.entry("RUN_WITHOUT_DATABASE", "maybe"),
            Map.entry("EXTERNAL_TEST_DATA", "elsewhere"),
            Map.entry("SHARD_INDEX", "-1"),
            Map.entry("SHARD_COUNT", "1001"),
            Map.entry("CONTRACT_CHECK", "sometimes"),
            Map.entry("SAVE_DETAILED_RESULTS", "2"),
            Map.entry("RESULTS_FILENAME", "results.csv"),
            Map.entry("GATLING_RESULTS_DIR", "target/\u0000gatling"),
            Map.entry("MAX_MEAN_RESPONSE_TIME", "0"),
            Map.entry("MAX_P95_RESPONSE_TIME", "3601"),
            Map.entry("MIN_SUCCESS_RATE", "101"),
            Map.entry("MIN_THROUGHPUT", "-1"),
            Map.entry("CAPACITY_START", "0"),
            Map.entry("CAPACITY_FACTOR", "1"),
            Map.entry("CAPACITY_MAX", "100001"),
            Map.entry("CAPACITY_LEVEL_DURATION", "0"),
            Map.entry("MIN_STABLE_CONCURRENCY", "-1"),
            Map.entry("GENERATOR_SATURATION", "maybe"));

    @Test
    void everySettingHasARefusedValueBelow() {
        assertThat(REFUSED.keySet()).containsExactlyInAnyOrderElementsOf(configWith(Map.of()).settingNames);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}={1}")
    @org.junit.jupiter.params.provider.MethodSource("refusedValues")
    void eachSettingRefusesAValueOutsideItsRuleAndNamesItself(String name, String value) {
        assertThatThrownBy(() -> configWith(Map.of(name, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith(name + " must "));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> refusedValues() {
        return REFUSED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> org.junit.jupiter.params.provider.Arguments.of(entry.getKey(), entry.getValue()));
    }

    @Test
    void aRefusedPasswordIsNeverShown() {
        assertThatThrownBy(() -> configWith(Map.of("DB_PASSWORD", "hunter2\nsecret")))
                .hasMessageContaining("DB_PASSWORD must be text on one line").hasMessageNotContaining("hunter2");
    }

    @Test
    void openProfilesMustEndBeforeTheTotalTimeout() {
        assertThatThrownBy(() -> configWith(Map.of("PROFILE", "soak", "SOAK_DURATION", "600", "TOTAL_TIMEOUT", "300")))
                .hasMessageContaining("SOAK_DURATION (600.0 s) must be shorter than TOTAL_TIMEOUT (300.0 s)");
        assertThatThrownBy(() -> configWith(Map.of("PROFILE", "ramp", "RAMP_DURATION", "90", "TOTAL_TIMEOUT", "60")))
                .hasMessageContaining("RAMP_DURATION (90.0 s) must be shorter than TOTAL_TIMEOUT (60.0 s)");
    }

    @Test
    void shardsShareTestDataSeededOnceOnAServerAtBaseUrl() {
        Map<String, String> server = Map.of("BASE_URL", "http://locker.example:3000");
        assertThatThrownBy(() -> configWith(Map.of("SHARD_INDEX", "2", "SHARD_COUNT", "2", "EXTERNAL_TEST_DATA", "true",
                "BASE_URL", "http://locker.example:3000")))
                .hasMessageContaining("SHARD_INDEX (2) must be smaller than SHARD_COUNT (2)");
        assertThatThrownBy(() -> configWith(with(server, "SHARD_COUNT", "2")))
                .hasMessageContaining("SHARD_COUNT (2) needs EXTERNAL_TEST_DATA=true");
        assertThatThrownBy(() -> configWith(Map.of("EXTERNAL_TEST_DATA", "true")))
                .hasMessageContaining("EXTERNAL_TEST_DATA needs BASE_URL");
        assertThatThrownBy(() -> configWith(with(with(server, "EXTERNAL_TEST_DATA", "true"), "RUN_WITHOUT_DATABASE", "true")))
                .hasMessageContaining("EXTERNAL_TEST_DATA and RUN_WITHOUT_DATABASE exclude each other");
        Map<String, String> twoShards = with(with(server, "EXTERNAL_TEST_DATA", "true"), "SHARD_COUNT", "2");
        assertThatThrownBy(() -> configWith(with(twoShards, "PROFILE", "capacity")))
                .hasMessageContaining("SHARD_COUNT (2) with PROFILE=capacity");
        assertThatThrownBy(() -> configWith(with(twoShards, "TOTAL_USERS", "1")))
                .hasMessageContaining("SHARD_COUNT (2) must not exceed TOTAL_USERS (1)");
        LoadTestConfig second = configWith(with(twoShards, "SHARD_INDEX", "1"));
        assertThat(second.shard).isEqualTo(new Shard(1, 2));
        assertThat(second.describe()).containsEntry("shard_index", 1).containsEntry("shard_count", 2)
                .containsEntry("external_test_data", true);
        assertThat(configWith(Map.of()).shard).isEqualTo(Shard.WHOLE);
    }

    @Test
    void shardsSliceTheWholeIntoDisjointPartsThatDifferByAtMostOne() {
        for (int count = 1; count <= 7; count++) {
            for (int total : new int[] {count, 10, 1000, 1001}) {
                int next = 0;
                for (int index = 0; index < count; index++) {
                    Shard shard = new Shard(index, count);
                    assertThat(shard.offset(total)).as("shard %d of %d of %d", index, count, total).isEqualTo(next);
                    assertThat(shard.size(total)).isBetween(total / count, total / count + 1);
                    next += shard.size(total);
                }
                assertThat(next).isEqualTo(total);
            }
        }
        assertThat(new Shard(1, 4).share(10)).isEqualTo(2.5);
        assertThat(new Shard(1, 3).slice(java.util.List.of(1, 2, 3, 4, 5, 6, 7))).containsExactly(3, 4);
        assertThatThrownBy(() -> new Shard(4, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(settings);
        more.put(name, value);
        return more;
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
    void everyDeclaredSettingIsReadInTheDeclaredOrder() {
        assertThat(configWith(Map.of()).settingNames).containsExactlyElementsOf(
                Settings.ALL.stream().map(Setting::name).toList());
    }

    @Test
    void theReadmeSettingsTableIsTheDeclarations() throws java.io.IOException {
        java.util.List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(line -> line.matches("\\| `[A-Z][A-Z0-9_]*` \\|.*")).toList();
        assertThat(rows).as("README settings table rows").containsExactlyElementsOf(Settings.ALL.stream()
                .map(s -> "| `" + s.name() + "` | " + s.defaultText() + " | " + s.meaning() + " |").toList());
    }

    @Test
    void everyDefaultFollowsItsOwnRule() {
        Settings.ALL.forEach(LoadTestConfigTest::assertTheDefaultFollowsTheRule);
    }

    private static <T> void assertTheDefaultFollowsTheRule(Setting<T> setting) {
        assertThat(setting.meaning()).as(setting.name()).isNotBlank();
        Object shown = setting.fallback() == null ? null : setting.rule().shown(setting.fallback());
        if (shown != null) {
            assertThat(setting.rule().parse(shown.toString())).as(setting.name()).isEqualTo(setting.fallback());
        }
    }

    @Test
    void theDescriptionRecordsEverySettingButThePasswords() {
        Map<String, Object> described = configWith(Map.of()).describe();
        assertThat(described.keySet()).containsExactlyElementsOf(Settings.ALL.stream()
                .filter(s -> !s.rule().secret()).flatMap(s -> s == Settings.DB_HOST ? java.util.stream.Stream.of("db", "db_host")
                        : java.util.stream.Stream.of(s.name().toLowerCase(java.util.Locale.ROOT))).toList());
        assertThat(described).containsEntry("base_url", "embedded reference stack").containsEntry("db", "embedded")
                .containsEntry("server_warm_up", 5.0).containsEntry("batch_delay", 0.1).containsEntry("profile", "batch")
                .containsEntry("total_users", 1000).containsEntry("student_id_start", 9_900_000_000L)
                .containsEntry("min_success_rate", 95.0).containsEntry("per_user_logging", "auto")
                .containsEntry("contract_check", true).containsEntry("results_filename", "load_test_results.json");
        assertThat(configWith(Map.of("BASE_URL", "http://locker.example:3000", "DB_HOST", "db.example", "PROFILE", "SOAK"))
                .describe()).containsEntry("base_url", "http://locker.example:3000")
                .containsEntry("db", "postgres@db.example:5432/locker_db").containsEntry("db_host", "db.example")
                .containsEntry("profile", "soak");
    }

    @Test
    void thePasswordAppearsNowhereInTheDescription() {
        LoadTestConfig config = configWith(Map.of("BASE_URL", "http://localhost:3000", "DB_PASSWORD", "s3cret-pw"));
        assertThat(config.describe().toString()).doesNotContain("s3cret-pw");
        assertThat(configWith(Map.of("REDIS_PASSWORD", "r3dis-pw")).describe().toString()).doesNotContain("r3dis-pw");
        assertThat(config.database.toString()).doesNotContain("s3cret-pw");
        assertThat(config.database.password()).isEqualTo("s3cret-pw");
    }
}
