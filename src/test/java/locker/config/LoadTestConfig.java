package locker.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static locker.config.Settings.*;

/**
 * Every setting of the load test, read once and checked before anything is started or touched. Each
 * setting has exactly one rule: its range or format is declared with it in {@link Settings}, its relation to other
 * settings is checked here ({@code checkTogether}). The seeder, the injection plan, the run plan and the results read these checked values and never check
 * them again. Each value comes from {@code -DNAME=...} first, then the environment, then
 * {@code src/test/resources/load-test.conf}; the original load test's names are kept. Bad values throw one
 * {@link ConfigException} naming every one of them.
 */
public final class LoadTestConfig {
    /** The smallest and largest 10-digit student ids: the deployed server accepts exactly 10 digits. */
    public static final long SMALLEST_STUDENT_ID = 1_000_000_000L;
    public static final long LARGEST_STUDENT_ID = 9_999_999_999L;
    /**
     * Serial ids are a 12-digit hash of the identity: among a million students two would be expected to share
     * one (the server then answers 500 to the second's login); among 100,000 it is a chance of about 0.5 %.
     */
    public static final int MAX_TOTAL_USERS = 100_000;
    /** More test lockers would make every {@code GET /lockers} answer megabytes long. */
    public static final int MAX_TEST_LOCKERS_COUNT = 100_000;
    public static final int MAX_SHARDS = 1_000;
    /** PER_USER_LOGGING=auto logs each student's lines in runs of at most this many students. */
    public static final int AUTO_LOGGING_MAX_USERS = 1_000;
    /** {@link #describe()} records under this key the database the test data went into, this for the embedded one. */
    private static final String DATABASE_KEY = "db";
    private static final String EMBEDDED_DATABASE = "embedded";
    /** BASE_URL as {@link #describe()} records it for the embedded stack. */
    public static final String EMBEDDED_TARGET = "embedded reference stack";
    /** Declared defaults that other code builds on (test data, fixtures). */
    public static final long DEFAULT_STUDENT_ID_START = STUDENT_ID_START.fallback();
    public static final int DEFAULT_TEST_LOCKERS_COUNT = TEST_LOCKERS_COUNT.fallback();

    // Each field is the setting of the same name in Settings (default, rule and meaning are there), unless noted.
    // ---- target ----
    public final Optional<String> baseUrl;
    public final Duration serverWarmUp;
    public final boolean contractCheck;

    // ---- load ----
    public final Profile profile;
    public final int totalUsers;
    public final int concurrentUsers;
    public final Duration batchDelay;
    public final Duration rampDuration;
    public final double soakArrivalRate;
    public final Duration soakDuration;
    public final int soakRepeats;
    public final Duration totalTimeout;
    public final int raceUsers;
    public final BenchmarkRequests benchmarkRequests;
    public final int benchmarkUsers;
    public final Duration benchmarkDuration;

    // ---- the journey ----
    public final double confirmationRate;
    /** {@link Settings#USER_THINK_TIME_MIN}. */
    public final Duration thinkTimeMin;
    /** {@link Settings#USER_THINK_TIME_MAX}. */
    public final Duration thinkTimeMax;
    public final int holdRetries;
    /** Whether the per-student lines are logged: {@link Settings#PER_USER_LOGGING}, {@code auto} resolved. */
    public final boolean perUserLogging;

    // ---- HTTP ----
    public final Duration requestTimeout;
    public final int maxConnections;

    // ---- test data ----
    public final long studentIdStart;
    public final int testLockersCount;
    /** {@link Settings#DB_HOST}, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD. */
    public final DbTarget database;
    /** {@link Settings#REDIS_HOST}, REDIS_PORT, REDIS_PASSWORD. */
    public final RedisTarget redis;
    public final boolean keepTestData;
    public final boolean runWithoutDatabase;
    public final boolean externalTestData;
    /** {@link Settings#SHARD_INDEX} of {@link Settings#SHARD_COUNT}. */
    public final Shard shard;

    // ---- results ----
    public final boolean saveDetailedResults;
    public final String resultsFilename;
    public final String gatlingResultsDir;

    // ---- assertions (the original load test's performance goals) ----
    public final Duration maxMeanResponseTime;
    public final Duration maxP95ResponseTime;
    public final double minSuccessRate;
    public final double minThroughput;

    // ---- capacity search and the load generator's self-check ----
    public final int capacityStart;
    public final double capacityFactor;
    public final int capacityMax;
    public final Duration capacityLevelDuration;
    public final int minStableConcurrency;
    public final GeneratorSaturation generatorSaturation;

    /** The names this configuration reads, in the order of {@link Settings#ALL}. */
    public final Set<String> settingNames;
    /** Each setting read with its value as the results record it. */
    private final Map<Setting<?>, Object> recorded;

    private LoadTestConfig(SettingReader r) {
        baseUrl = r.read(BASE_URL);
        serverWarmUp = r.read(SERVER_WARM_UP);
        contractCheck = r.read(CONTRACT_CHECK);

        profile = r.read(PROFILE);
        totalUsers = r.read(TOTAL_USERS);
        concurrentUsers = r.read(CONCURRENT_USERS);
        batchDelay = r.read(BATCH_DELAY);
        rampDuration = r.read(RAMP_DURATION);
        soakArrivalRate = r.read(SOAK_ARRIVAL_RATE);
        soakDuration = r.read(SOAK_DURATION);
        soakRepeats = r.read(SOAK_REPEATS);
        totalTimeout = r.read(TOTAL_TIMEOUT);
        raceUsers = r.read(RACE_USERS);
        benchmarkRequests = r.read(BENCHMARK_REQUESTS);
        benchmarkUsers = r.read(BENCHMARK_USERS);
        benchmarkDuration = r.read(BENCHMARK_DURATION);

        confirmationRate = r.read(CONFIRMATION_RATE);
        thinkTimeMin = r.read(USER_THINK_TIME_MIN);
        thinkTimeMax = r.read(USER_THINK_TIME_MAX);
        holdRetries = r.read(HOLD_RETRIES);
        PerUserLogging logging = r.read(PER_USER_LOGGING);
        // capacity students loop for as long as the search runs: their lines would grow with its length, not its users
        perUserLogging = logging == PerUserLogging.ON
                || (logging == PerUserLogging.AUTO && totalUsers <= AUTO_LOGGING_MAX_USERS
                && profile != Profile.CAPACITY);

        requestTimeout = r.read(REQUEST_TIMEOUT);
        maxConnections = r.read(MAX_CONNECTIONS);

        studentIdStart = r.read(STUDENT_ID_START);
        testLockersCount = r.read(TEST_LOCKERS_COUNT);
        database = new DbTarget(r.read(DB_HOST), r.read(DB_PORT), r.read(DB_NAME), r.read(DB_USER), r.read(DB_PASSWORD));
        redis = new RedisTarget(r.read(REDIS_HOST), r.read(REDIS_PORT), r.read(REDIS_PASSWORD));
        keepTestData = r.read(KEEP_TEST_DATA);
        runWithoutDatabase = r.read(RUN_WITHOUT_DATABASE);
        externalTestData = r.read(EXTERNAL_TEST_DATA);
        int shardIndex = r.read(SHARD_INDEX);
        int shardCount = r.read(SHARD_COUNT);
        shard = shardIndex < shardCount ? new Shard(shardIndex, shardCount) : Shard.WHOLE;
        if (shardIndex >= shardCount) {
            r.problem("SHARD_INDEX (" + shardIndex + ") must be smaller than SHARD_COUNT (" + shardCount
                    + "): shards are numbered from 0");
        }

        saveDetailedResults = r.read(SAVE_DETAILED_RESULTS);
        resultsFilename = r.read(RESULTS_FILENAME);
        gatlingResultsDir = r.read(GATLING_RESULTS_DIR);

        maxMeanResponseTime = r.read(MAX_MEAN_RESPONSE_TIME);
        maxP95ResponseTime = r.read(MAX_P95_RESPONSE_TIME);
        minSuccessRate = r.read(MIN_SUCCESS_RATE);
        minThroughput = r.read(MIN_THROUGHPUT);

        capacityStart = r.read(CAPACITY_START);
        capacityFactor = r.read(CAPACITY_FACTOR);
        capacityMax = r.read(CAPACITY_MAX);
        capacityLevelDuration = r.read(CAPACITY_LEVEL_DURATION);
        minStableConcurrency = r.read(MIN_STABLE_CONCURRENCY);
        generatorSaturation = r.read(GENERATOR_SATURATION);

        checkTogether(r);
        recorded = r.recorded();
        Set<String> names = new LinkedHashSet<>();
        recorded.keySet().forEach(setting -> names.add(setting.name()));
        settingNames = Collections.unmodifiableSet(names);
        r.throwIfProblems();
    }

    public static LoadTestConfig from(SettingSource source) {
        return new LoadTestConfig(new SettingReader(source));
    }

    /** Rules that involve two settings. */
    private void checkTogether(SettingReader r) {
        if (thinkTimeMin.compareTo(thinkTimeMax) > 0) {
            r.problem("USER_THINK_TIME_MIN (" + seconds(thinkTimeMin) + " s) must not be greater than "
                    + "USER_THINK_TIME_MAX (" + seconds(thinkTimeMax) + " s)");
        }
        studentIdsStayTenDigits(r, "TOTAL_USERS", totalUsers);
        studentIdsStayTenDigits(r, "RACE_USERS", raceUsers);
        studentIdsStayTenDigits(r, "BENCHMARK_USERS", benchmarkUsers);
        if (profile == Profile.CAPACITY) {
            studentIdsStayTenDigits(r, "CAPACITY_MAX", capacityMax);
        }
        if (capacityStart > capacityMax) {
            r.problem("CAPACITY_START (" + capacityStart + ") must not be greater than CAPACITY_MAX (" + capacityMax + ")");
        }
        shardsShareOneSeeding(r);
        if (profile == Profile.RAMP && rampDuration.compareTo(totalTimeout) >= 0) {
            r.problem("RAMP_DURATION (" + seconds(rampDuration) + " s) must be shorter than TOTAL_TIMEOUT ("
                    + seconds(totalTimeout) + " s)");
        }
        if (profile == Profile.SOAK && soakDuration.compareTo(totalTimeout) >= 0) {
            r.problem("SOAK_DURATION (" + seconds(soakDuration) + " s) must be shorter than TOTAL_TIMEOUT ("
                    + seconds(totalTimeout) + " s)");
        }
    }

    /**
     * Several generators share test data seeded once: each seeding would restore the others' data first. And the
     * data lives in the target's database, so an embedded stack (one per JVM) cannot be shared.
     */
    private void shardsShareOneSeeding(SettingReader r) {
        if (!shard.isWhole() && !externalTestData) {
            r.problem("SHARD_COUNT (" + shard.count() + ") needs EXTERNAL_TEST_DATA=true: the generators share test"
                    + " data seeded once by scripts/seed_test_data.sh");
        }
        if (externalTestData && usesEmbeddedStack()) {
            r.problem("EXTERNAL_TEST_DATA needs BASE_URL: the embedded stack lives and dies with this JVM, so no other"
                    + " process can seed its test data");
        }
        if (externalTestData && runWithoutDatabase) {
            r.problem("EXTERNAL_TEST_DATA and RUN_WITHOUT_DATABASE exclude each other: test data seeded elsewhere is"
                    + " found in the database");
        }
        if (!shard.isWhole() && profile == Profile.CAPACITY) {
            r.problem("SHARD_COUNT (" + shard.count() + ") with PROFILE=capacity: the capacity search judges each level"
                    + " live in one generator");
        }
        if (shard.count() > totalUsers) {
            r.problem("SHARD_COUNT (" + shard.count() + ") must not exceed TOTAL_USERS (" + totalUsers
                    + "): every shard needs a student");
        }
    }

    /** Every simulation's students get ids STUDENT_ID_START, +1, ...: the last must still have 10 digits. */
    private void studentIdsStayTenDigits(SettingReader r, String setting, int students) {
        long last = lastStudentId(students);
        if (last > LARGEST_STUDENT_ID) {
            r.problem("STUDENT_ID_START (" + studentIdStart + ") + " + setting + " (" + students + ") - 1 = " + last
                    + " has more than 10 digits; student ids must be exactly 10 digits, so lower STUDENT_ID_START or "
                    + setting);
        }
    }

    /** The last student id of a run with this many students (TOTAL_USERS, RACE_USERS, BENCHMARK_USERS or 1). */
    public long lastStudentId(int students) {
        return SeedPlan.lastStudentId(studentIdStart, students);
    }

    /** GENERATOR_SATURATION values: a saturated load generator only warns, or fails the run. */
    public enum GeneratorSaturation { WARN, FAIL }

    /** True when the run targets the embedded reference stack. */
    public boolean usesEmbeddedStack() {
        return baseUrl.isEmpty();
    }

    /**
     * The settings as the results file shows them: every setting by its lower-case name as read (seconds as a number,
     * a choice in lower case), no password; {@code base_url} names the embedded stack when unset, and {@code db} is
     * the database the test data went into.
     */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        recorded.forEach((setting, value) -> {
            if (setting == DB_HOST) {
                d.put(DATABASE_KEY, usesEmbeddedStack() ? EMBEDDED_DATABASE : database.toString());
            }
            if (!setting.rule().secret()) {
                d.put(setting.key(), value);
            }
        });
        d.put(BASE_URL.key(), baseUrl.orElse(EMBEDDED_TARGET));
        return d;
    }

    /** Whether settings as {@link #describe()} gave them (or without a target at all) are a run on the embedded stack. */
    public static boolean describesEmbeddedStack(Map<String, Object> described) {
        Object target = described.get(BASE_URL.key());
        return EMBEDDED_DATABASE.equals(described.get(DATABASE_KEY)) || target == null
                || EMBEDDED_TARGET.equals(target);
    }

    /** The test data of a run with this many students. */
    public SeedPlan seedPlan(int students) {
        return new SeedPlan(students, studentIdStart, testLockersCount);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** PER_USER_LOGGING values. */
    public enum PerUserLogging { AUTO, ON, OFF }
}
