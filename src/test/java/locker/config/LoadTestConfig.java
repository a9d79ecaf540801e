package locker.config;


import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the load test, read once and checked before anything is started or touched. Each
 * setting has exactly one rule (its range or format, and its relation to other settings), and it is here:
 * the seeder, the injection plan, the run plan and the results read these checked values and never check
 * them again. Each value comes from {@code -DNAME=...} first, then the environment, then
 * {@code src/test/resources/load-test.conf}; the original load test's names are kept. Bad values throw one
 * {@link ConfigException} naming every one of them.
 */
public final class LoadTestConfig {
    /**
     * The first default test student id. Real student ids are 10 digits that begin with the year of entry
     * (2023xxxxxx), so an id beginning with 99 belongs to no real student for decades, yet it is 10 ASCII
     * digits and passes the deployed server's {@code ^\d{10}$}.
     */
    public static final long DEFAULT_STUDENT_ID_START = 9_900_000_000L;
    /** The smallest and largest 10-digit student ids: the deployed server accepts exactly 10 digits. */
    public static final long SMALLEST_STUDENT_ID = 1_000_000_000L;
    public static final long LARGEST_STUDENT_ID = 9_999_999_999L;
    public static final int DEFAULT_TOTAL_USERS = 1000;
    /**
     * Serial ids are a 12-digit hash of the identity: among a million students two would be expected to share
     * one (the server then answers 500 to the second's login); among 100,000 it is a chance of about 0.5 %.
     */
    public static final int MAX_TOTAL_USERS = 100_000;
    public static final int DEFAULT_TEST_LOCKERS_COUNT = 150;
    /** More test lockers would make every {@code GET /lockers} answer megabytes long. */
    public static final int MAX_TEST_LOCKERS_COUNT = 100_000;
    public static final int MAX_SHARDS = 1_000;

    // ---- target ----
    /** BASE_URL: the server under test; empty means the embedded reference stack. */
    public final Optional<String> baseUrl;
    /** SERVER_WARM_UP: seconds the embedded stack is warmed up before the run (0: not at all); default 5. */
    public final Duration serverWarmUp;
    /**
     * CONTRACT_CHECK: before a run against BASE_URL, check that the server gives every answer the load test relies on
     * (a few seconds, with test data of its own); false skips it; default true.
     */
    public final boolean contractCheck;

    // ---- load ----
    /** PROFILE: how students arrive (batch, rush, ramp, soak), or the capacity search (capacity); default batch. */
    public final LoadProfile profile;
    /** TOTAL_USERS: students who run the journey (the soak's students repeat it), 1 to {@value #MAX_TOTAL_USERS}; default 1000. */
    public final int totalUsers;
    /** CONCURRENT_USERS: the batch profile runs at most this many students at once; default 50. */
    public final int concurrentUsers;
    /** BATCH_DELAY: the batch profile's pause before a slot takes its next student, seconds; default 0.1. */
    public final Duration batchDelay;
    /** RAMP_DURATION: over how long the ramp profile's students arrive, seconds; default 60. */
    public final Duration rampDuration;
    /** SOAK_ARRIVAL_RATE: students arriving per second in the soak profile; default 5. */
    public final double soakArrivalRate;
    /** SOAK_DURATION: how long students keep arriving in the soak profile, seconds; default 300. */
    public final Duration soakDuration;
    /** SOAK_REPEATS: journeys per student in the soak profile; default 3. */
    public final int soakRepeats;
    /** TOTAL_TIMEOUT: the whole run is stopped after this many seconds; default 600. */
    public final Duration totalTimeout;
    /** RACE_USERS: students of the race simulation, all holding one locker at once; default 10. */
    public final int raceUsers;
    /** BENCHMARK_REQUESTS: what the reference server benchmark repeats (list, cycle); default list. */
    public final BenchmarkRequests benchmarkRequests;
    /** BENCHMARK_USERS: students of the reference server benchmark, each sending without pause; default 200. */
    public final int benchmarkUsers;
    /** BENCHMARK_DURATION: how long the reference server benchmark's students send, seconds; default 20. */
    public final Duration benchmarkDuration;

    // ---- the journey ----
    /** CONFIRMATION_RATE: share of held lockers that are confirmed, 0..1; the rest are given back; default 0.5. */
    public final double confirmationRate;
    /** USER_THINK_TIME_MIN: shortest think time between hold and confirm, seconds; default 0.5. */
    public final Duration thinkTimeMin;
    /** USER_THINK_TIME_MAX: longest think time, seconds; default 2.0. */
    public final Duration thinkTimeMax;
    /** HOLD_RETRIES: after losing a race (409), how many other free lockers a student tries; default 0. */
    public final int holdRetries;
    /** PER_USER_LOGGING: the original's "User 42: ..." lines (auto = on up to 1,000 users, off for capacity); default auto. */
    public final boolean perUserLogging;

    // ---- HTTP ----
    /** REQUEST_TIMEOUT: a request not answered within this many seconds fails; default 30. */
    public final Duration requestTimeout;
    /** MAX_CONNECTIONS: 0 gives each student its own connection (a browser each); N shares a pool of N; default 0. */
    public final int maxConnections;

    // ---- test data ----
    /**
     * STUDENT_ID_START: first test student id, 10 digits; ids run to STUDENT_ID_START + students - 1 (TOTAL_USERS,
     * RACE_USERS or BENCHMARK_USERS), which must stay 10 digits; default {@value #DEFAULT_STUDENT_ID_START}.
     */
    public final long studentIdStart;
    /** TEST_LOCKERS_COUNT: lockers added for the run and removed after it; default 150. */
    public final int testLockersCount;
    /** DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD: the server's database, for seeding and restoring. */
    public final DbTarget database;
    /** REDIS_HOST, REDIS_PORT, REDIS_PASSWORD: the server's Redis, for removing the run's keys. */
    public final RedisTarget redis;
    /** KEEP_TEST_DATA: leave the run's test data for inspection (scripts/restore.sh or the next run removes it); default false. */
    public final boolean keepTestData;
    /**
     * RUN_WITHOUT_DATABASE: against BASE_URL, run even when the database cannot be reached; the run then gives every
     * locker back and logs every token out through the API, and lists what stays on the server; default false.
     */
    public final boolean runWithoutDatabase;
    /**
     * EXTERNAL_TEST_DATA: the test data was seeded for every generator by scripts/seed_test_data.sh; this run neither
     * seeds nor restores it (scripts/combine_shards.sh checks and restores after the last generator); default false.
     */
    public final boolean externalTestData;
    /** SHARD_INDEX and SHARD_COUNT: this generator is shard SHARD_INDEX (from 0) of SHARD_COUNT; default 0 of 1. */
    public final Shard shard;

    // ---- results ----
    /** SAVE_DETAILED_RESULTS: one entry per request in the results file; default true. */
    public final boolean saveDetailedResults;
    /** RESULTS_FILENAME: the results file, relative to the project folder; default load_test_results.json. */
    public final String resultsFilename;
    /** GATLING_RESULTS_DIR: where Gatling writes its run folders (its --results-folder); default target/gatling. */
    public final String gatlingResultsDir;

    // ---- assertions (the original load test's performance goals) ----
    /** MAX_MEAN_RESPONSE_TIME: seconds; default 1.0. */
    public final Duration maxMeanResponseTime;
    /** MAX_P95_RESPONSE_TIME: seconds; default 3.0. */
    public final Duration maxP95ResponseTime;
    /** MIN_SUCCESS_RATE: percent of requests that must succeed (lost races are not failures); default 95. */
    public final double minSuccessRate;
    /** MIN_THROUGHPUT: requests per second over the run; default 100. */
    public final double minThroughput;

    // ---- capacity search and the load generator's self-check ----
    /** CAPACITY_START: students of the capacity search's first level; default 25. */
    public final int capacityStart;
    /** CAPACITY_FACTOR: each capacity level has this many times the students of the one before; default 2. */
    public final double capacityFactor;
    /** CAPACITY_MAX: no capacity level has more students than this; default 1600. */
    public final int capacityMax;
    /** CAPACITY_LEVEL_DURATION: how long each capacity level runs, seconds; default 20. */
    public final Duration capacityLevelDuration;
    /** MIN_STABLE_CONCURRENCY: the capacity run fails when its largest level meeting every goal is smaller; default 100. */
    public final int minStableConcurrency;
    /** GENERATOR_SATURATION: what a saturated load generator does to the run (warn, fail); default warn. */
    public final GeneratorSaturation generatorSaturation;

    /** The names this configuration reads, in the order above (the README's table lists them all). */
    public final Set<String> settingNames;

    private LoadTestConfig(SettingReader r) {
        baseUrl = r.httpUrl("BASE_URL");
        serverWarmUp = r.seconds("SERVER_WARM_UP", 5, 0, 600);
        contractCheck = r.flag("CONTRACT_CHECK", true);

        profile = r.choice("PROFILE", LoadProfile.BATCH, LoadProfile.class);
        totalUsers = r.intBetween("TOTAL_USERS", DEFAULT_TOTAL_USERS, 1, MAX_TOTAL_USERS);
        concurrentUsers = r.intBetween("CONCURRENT_USERS", 50, 1, 100_000);
        batchDelay = r.seconds("BATCH_DELAY", 0.1, 0, 3600);
        rampDuration = r.seconds("RAMP_DURATION", 60, 1, 86_400);
        soakArrivalRate = r.doubleBetween("SOAK_ARRIVAL_RATE", 5, 0.01, 100_000);
        soakDuration = r.seconds("SOAK_DURATION", 300, 1, 86_400);
        soakRepeats = r.intBetween("SOAK_REPEATS", 3, 1, 1_000);
        totalTimeout = r.seconds("TOTAL_TIMEOUT", 600, 1, 7 * 86_400);
        raceUsers = r.intBetween("RACE_USERS", 10, 2, 10_000);
        benchmarkRequests = r.choice("BENCHMARK_REQUESTS", BenchmarkRequests.LIST, BenchmarkRequests.class);
        benchmarkUsers = r.intBetween("BENCHMARK_USERS", 200, 1, 100_000);
        benchmarkDuration = r.seconds("BENCHMARK_DURATION", 20, 1, 86_400);

        confirmationRate = r.doubleBetween("CONFIRMATION_RATE", 0.5, 0, 1);
        thinkTimeMin = r.seconds("USER_THINK_TIME_MIN", 0.5, 0, 3600);
        thinkTimeMax = r.seconds("USER_THINK_TIME_MAX", 2.0, 0, 3600);
        holdRetries = r.intBetween("HOLD_RETRIES", 0, 0, 100);
        PerUserLogging logging = r.choice("PER_USER_LOGGING", PerUserLogging.AUTO, PerUserLogging.class);
        // capacity students loop for as long as the search runs: their lines would grow with its length, not its users
        perUserLogging = logging == PerUserLogging.ON
                || (logging == PerUserLogging.AUTO && totalUsers <= 1000 && profile != LoadProfile.CAPACITY);

        requestTimeout = r.seconds("REQUEST_TIMEOUT", 30, 0.001, 3600);
        maxConnections = r.intBetween("MAX_CONNECTIONS", 0, 0, 1_000_000);

        studentIdStart = r.longBetween("STUDENT_ID_START", DEFAULT_STUDENT_ID_START, SMALLEST_STUDENT_ID,
                LARGEST_STUDENT_ID);
        testLockersCount = r.intBetween("TEST_LOCKERS_COUNT", DEFAULT_TEST_LOCKERS_COUNT, 0, MAX_TEST_LOCKERS_COUNT);
        database = new DbTarget(r.hostName("DB_HOST", "localhost"), r.intBetween("DB_PORT", 5432, 1, 65_535),
                r.identifier("DB_NAME", "locker_db"), r.identifier("DB_USER", "postgres"),
                r.secret("DB_PASSWORD", "password"));
        redis = new RedisTarget(r.hostName("REDIS_HOST", "localhost"), r.intBetween("REDIS_PORT", 6379, 1, 65_535),
                r.secret("REDIS_PASSWORD", null));
        keepTestData = r.flag("KEEP_TEST_DATA", false);
        runWithoutDatabase = r.flag("RUN_WITHOUT_DATABASE", false);
        externalTestData = r.flag("EXTERNAL_TEST_DATA", false);
        int shardIndex = r.intBetween("SHARD_INDEX", 0, 0, MAX_SHARDS - 1);
        int shardCount = r.intBetween("SHARD_COUNT", 1, 1, MAX_SHARDS);
        shard = shardIndex < shardCount ? new Shard(shardIndex, shardCount) : Shard.WHOLE;
        if (shardIndex >= shardCount) {
            r.problem("SHARD_INDEX (" + shardIndex + ") must be smaller than SHARD_COUNT (" + shardCount
                    + "): shards are numbered from 0");
        }

        saveDetailedResults = r.flag("SAVE_DETAILED_RESULTS", true);
        resultsFilename = r.jsonFile("RESULTS_FILENAME", "load_test_results.json");
        gatlingResultsDir = r.path("GATLING_RESULTS_DIR", "target/gatling");

        maxMeanResponseTime = r.seconds("MAX_MEAN_RESPONSE_TIME", 1.0, 0.001, 3600);
        maxP95ResponseTime = r.seconds("MAX_P95_RESPONSE_TIME", 3.0, 0.001, 3600);
        minSuccessRate = r.doubleBetween("MIN_SUCCESS_RATE", 95, 0, 100);
        minThroughput = r.doubleBetween("MIN_THROUGHPUT", 100, 0, 10_000_000);

        capacityStart = r.intBetween("CAPACITY_START", 25, 1, MAX_TOTAL_USERS);
        capacityFactor = r.doubleBetween("CAPACITY_FACTOR", 2, 1.01, 100);
        capacityMax = r.intBetween("CAPACITY_MAX", 1600, 1, MAX_TOTAL_USERS);
        capacityLevelDuration = r.seconds("CAPACITY_LEVEL_DURATION", 20, 1, 86_400);
        minStableConcurrency = r.intBetween("MIN_STABLE_CONCURRENCY", 100, 0, 1_000_000);
        generatorSaturation = r.choice("GENERATOR_SATURATION", GeneratorSaturation.WARN, GeneratorSaturation.class);

        checkTogether(r);
        settingNames = Set.copyOf(r.namesRead());
        r.throwIfProblems();
    }

    /** Reads and checks the settings of this run: {@code -D} first, then the environment, then load-test.conf. */
    public static LoadTestConfig load() {
        return from(SettingSource.standard());
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
        if (profile == LoadProfile.CAPACITY) {
            studentIdsStayTenDigits(r, "CAPACITY_MAX", capacityMax);
        }
        if (capacityStart > capacityMax) {
            r.problem("CAPACITY_START (" + capacityStart + ") must not be greater than CAPACITY_MAX (" + capacityMax + ")");
        }
        shardsShareOneSeeding(r);
        if (profile == LoadProfile.RAMP && rampDuration.compareTo(totalTimeout) >= 0) {
            r.problem("RAMP_DURATION (" + seconds(rampDuration) + " s) must be shorter than TOTAL_TIMEOUT ("
                    + seconds(totalTimeout) + " s)");
        }
        if (profile == LoadProfile.SOAK && soakDuration.compareTo(totalTimeout) >= 0) {
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
        if (!shard.isWhole() && profile == LoadProfile.CAPACITY) {
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

    /** The settings as the results file shows them: no password. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("base_url", baseUrl.orElse("embedded reference stack"));
        if (usesEmbeddedStack()) {
            d.put("server_warm_up", seconds(serverWarmUp));
        }
        d.put("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        d.put("total_users", totalUsers);
        d.put("concurrent_users", concurrentUsers);
        d.put("confirmation_rate", confirmationRate);
        d.put("batch_delay", seconds(batchDelay));
        d.put("user_think_time_min", seconds(thinkTimeMin));
        d.put("user_think_time_max", seconds(thinkTimeMax));
        d.put("hold_retries", holdRetries);
        d.put("request_timeout", seconds(requestTimeout));
        d.put("total_timeout", seconds(totalTimeout));
        d.put("max_connections", maxConnections);
        d.put("student_id_start", studentIdStart);
        d.put("test_lockers_count", testLockersCount);
        d.put("db", usesEmbeddedStack() ? "embedded" : database.toString());
        if (!usesEmbeddedStack()) {
            d.put("contract_check", contractCheck);
            d.put("run_without_database", runWithoutDatabase);
            d.put("external_test_data", externalTestData);
        }
        d.put("shard_index", shard.index());
        d.put("shard_count", shard.count());
        d.put("max_mean_response_time", seconds(maxMeanResponseTime));
        d.put("max_p95_response_time", seconds(maxP95ResponseTime));
        d.put("min_success_rate", minSuccessRate);
        d.put("min_throughput", minThroughput);
        return d;
    }

    /** The test data of a run with this many students. */
    public SeedPlan seedPlan(int students) {
        return new SeedPlan(students, studentIdStart, testLockersCount);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** PER_USER_LOGGING values. */
    enum PerUserLogging { AUTO, ON, OFF }
}
