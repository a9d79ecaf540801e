package locker.config;

import locker.config.LoadTestConfig.GeneratorSaturation;
import locker.config.LoadTestConfig.PerUserLogging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static locker.config.LoadTestConfig.AUTO_LOGGING_MAX_USERS;
import static locker.config.LoadTestConfig.LARGEST_STUDENT_ID;
import static locker.config.LoadTestConfig.MAX_SHARDS;
import static locker.config.LoadTestConfig.MAX_TEST_LOCKERS_COUNT;
import static locker.config.LoadTestConfig.MAX_TOTAL_USERS;
import static locker.config.LoadTestConfig.SMALLEST_STUDENT_ID;
import static locker.config.Setting.choice;
import static locker.config.Setting.flag;
import static locker.config.Setting.hostName;
import static locker.config.Setting.httpUrl;
import static locker.config.Setting.identifier;
import static locker.config.Setting.jsonFile;
import static locker.config.Setting.number;
import static locker.config.Setting.ofSeconds;
import static locker.config.Setting.path;
import static locker.config.Setting.secret;
import static locker.config.Setting.seconds;
import static locker.config.Setting.wholeNumber;

/**
 * Every setting of the load test, each declared once: name, default, rule and meaning. {@link LoadTestConfig} reads
 * them in this order and checks the rules that involve two settings; the README's settings table is these rows
 * ({@code LoadTestConfigTest} renders and compares them); the results file records them
 * ({@link LoadTestConfig#describe()}).
 */
public final class Settings {
    private static final List<Setting<?>> DECLARED = new ArrayList<>();
    private static final String IDENTIFIER_TEXT =
            "1–" + Setting.MAX_IDENTIFIER_LENGTH + " characters, no spaces or quotes";

    // ---- target ----
    public static final Setting<Optional<String>> BASE_URL = declare("BASE_URL", Optional.empty(), httpUrl(),
            "the server under test; unset starts the embedded reference stack");
    public static final Setting<Duration> SERVER_WARM_UP = declare("SERVER_WARM_UP", ofSeconds(5), seconds(0, 600),
            "embedded stack only: seconds of throwaway traffic before the run, so that the run measures a warm "
            + "server rather than a JVM starting up; every trace of it is removed before seeding; `0` turns it off");
    public static final Setting<Boolean> CONTRACT_CHECK = declare("CONTRACT_CHECK", true, flag(),
            "against `BASE_URL`: before the run, check that the server gives every answer the load test relies on"
            + " (about a second, with two students and two lockers of its own, restored after); a mismatch stops "
            + "the run before seeding (exit status 8) with the table; `false` skips it ([the contract "
            + "check](docs/results-and-report.md#the-contract-check))");

    // ---- load ----
    public static final Setting<Profile> PROFILE = declare("PROFILE", Profile.BATCH, choice(Profile.class),
            "how students arrive: `batch`, `rush`, `ramp`, `soak`, or `capacity` (the capacity search)");
    public static final Setting<Integer> TOTAL_USERS = declare("TOTAL_USERS", 1000, wholeNumber(1, MAX_TOTAL_USERS),
            "students who run the journey (the soak's students repeat it); 1 to " + thousands(MAX_TOTAL_USERS));
    public static final Setting<Integer> CONCURRENT_USERS = declare("CONCURRENT_USERS", 50, wholeNumber(1, 100_000),
            "`batch`: the most students running at once");
    public static final Setting<Duration> BATCH_DELAY = declare("BATCH_DELAY", ofSeconds(0.1), seconds(0, 3600),
            "`batch`: seconds before a slot takes its next student");
    public static final Setting<Duration> RAMP_DURATION = declare("RAMP_DURATION", ofSeconds(60), seconds(1, 86_400),
            "`ramp`: seconds over which the students arrive");
    public static final Setting<Double> SOAK_ARRIVAL_RATE = declare("SOAK_ARRIVAL_RATE", 5.0, number(0.01, 100_000),
            "`soak`: students arriving per second");
    public static final Setting<Duration> SOAK_DURATION = declare("SOAK_DURATION", ofSeconds(300), seconds(1, 86_400),
            "`soak`: seconds during which students arrive");
    public static final Setting<Integer> SOAK_REPEATS = declare("SOAK_REPEATS", 3, wholeNumber(1, 1_000),
            "`soak`: journeys per student");
    public static final Setting<Duration> TOTAL_TIMEOUT = declare("TOTAL_TIMEOUT", ofSeconds(600),
            seconds(1, 7 * 86_400), "seconds after which the whole run is stopped");
    public static final Setting<Integer> RACE_USERS = declare("RACE_USERS", 10, wholeNumber(2, 10_000),
            "race simulation: students holding the same locker at once");
    public static final Setting<BenchmarkRequests> BENCHMARK_REQUESTS = declare("BENCHMARK_REQUESTS",
            BenchmarkRequests.LIST, choice(BenchmarkRequests.class),
            "reference server benchmark: what each student repeats, `list` (`GET /lockers`) or `cycle` (hold, "
            + "confirm, release a locker of its own)");
    public static final Setting<Integer> BENCHMARK_USERS = declare("BENCHMARK_USERS", 200, wholeNumber(1, 100_000),
            "reference server benchmark: students sending without pause (`cycle` needs as many free lockers)");
    public static final Setting<Duration> BENCHMARK_DURATION = declare("BENCHMARK_DURATION", ofSeconds(20),
            seconds(1, 86_400), "reference server benchmark: seconds of sending");

    // ---- the journey ----
    public static final Setting<Double> CONFIRMATION_RATE = declare("CONFIRMATION_RATE", 0.5, number(0, 1),
            "share (0 to 1) of held lockers that are confirmed; the rest are given back");
    public static final Setting<Duration> USER_THINK_TIME_MIN = declare("USER_THINK_TIME_MIN", ofSeconds(0.5),
            seconds(0, 3600), "shortest think time between hold and confirm, seconds");
    public static final Setting<Duration> USER_THINK_TIME_MAX = declare("USER_THINK_TIME_MAX", ofSeconds(2),
            seconds(0, 3600), "longest think time, seconds");
    public static final Setting<Integer> HOLD_RETRIES = declare("HOLD_RETRIES", 0, wholeNumber(0, 100),
            "after a lost race, how many other free lockers a student tries");
    public static final Setting<PerUserLogging> PER_USER_LOGGING = declare("PER_USER_LOGGING", PerUserLogging.AUTO,
            choice(PerUserLogging.class),
            "the per-student lines: `on`, `off`, or `auto` (on up to " + thousands(AUTO_LOGGING_MAX_USERS)
                    + " students, off for `capacity`)");

    // ---- HTTP ----
    public static final Setting<Duration> REQUEST_TIMEOUT = declare("REQUEST_TIMEOUT", ofSeconds(30),
            seconds(0.001, 3600), "seconds before an unanswered request fails");
    public static final Setting<Integer> MAX_CONNECTIONS = declare("MAX_CONNECTIONS", 0, wholeNumber(0, 1_000_000),
            "`0`: each student has its own connection, as each has a browser; `N`: all share a pool of `N`");

    // ---- test data ----
    /*
     * Real student ids are 10 digits that begin with the year of entry (2023xxxxxx), so an id beginning with 99
     * belongs to no real student for decades, yet it is 10 ASCII digits and passes the deployed server's ^\d{10}$.
     */
    public static final Setting<Long> STUDENT_ID_START = declare("STUDENT_ID_START", 9_900_000_000L,
            wholeNumber(SMALLEST_STUDENT_ID, LARGEST_STUDENT_ID),
            "first test student id, exactly 10 digits (1000000000–9999999999); the run uses `STUDENT_ID_START` … "
            + "`STUDENT_ID_START + N - 1` for N = `TOTAL_USERS`, `RACE_USERS`, `BENCHMARK_USERS` or (`capacity`) "
            + "`CAPACITY_MAX`, and the last must still have 10 digits");
    public static final Setting<Integer> TEST_LOCKERS_COUNT = declare("TEST_LOCKERS_COUNT", 150,
            wholeNumber(0, MAX_TEST_LOCKERS_COUNT),
            "lockers added for the run and removed after it; 0 to " + thousands(MAX_TEST_LOCKERS_COUNT));
    public static final Setting<String> DB_HOST = declare("DB_HOST", "localhost", hostName(),
            "the server's PostgreSQL, a host name or IP address (ignored for the embedded stack, which uses its "
            + "own)");
    public static final Setting<Integer> DB_PORT = declare("DB_PORT", 5432, wholeNumber(1, 65_535),
            "the server's PostgreSQL port");
    public static final Setting<String> DB_NAME = declare("DB_NAME", "locker_db", identifier(),
            IDENTIFIER_TEXT);
    public static final Setting<String> DB_USER = declare("DB_USER", "postgres", identifier(),
            IDENTIFIER_TEXT);
    public static final Setting<String> DB_PASSWORD = declare("DB_PASSWORD", "password", secret(),
            "one line; never printed, logged or written to a results file");
    public static final Setting<String> REDIS_HOST = declare("REDIS_HOST", "localhost", hostName(),
            "the server's Redis, a host name or IP address, for removing the run's keys");
    public static final Setting<Integer> REDIS_PORT = declare("REDIS_PORT", 6379, wholeNumber(1, 65_535),
            "the server's Redis port");
    public static final Setting<String> REDIS_PASSWORD = declare("REDIS_PASSWORD", null, secret(),
            "one line; never printed");
    public static final Setting<Boolean> KEEP_TEST_DATA = declare("KEEP_TEST_DATA", false, flag(),
            "leave the run's test data in the database for inspection; `scripts/restore.sh` (or the next run) "
            + "removes it");
    public static final Setting<Boolean> RUN_WITHOUT_DATABASE = declare("RUN_WITHOUT_DATABASE", false, flag(),
            "against `BASE_URL`, a database that cannot be reached stops the run before anything is sent (exit "
            + "status 2); `true` runs anyway: every locker a test student holds or owns is given back and every "
            + "token logged out through the API at the end, and what stays on the server (the test users) is "
            + "listed; exit status 9 when a locker stays held or owned ([test "
            + "data](docs/test-data.md#without-the-database))");
    public static final Setting<Boolean> EXTERNAL_TEST_DATA = declare("EXTERNAL_TEST_DATA", false, flag(),
            "`true`: the test data was seeded once for several load generators by `scripts/seed_test_data.sh`; "
            + "this run neither seeds nor restores it, and `scripts/combine_shards.sh` checks the invariants and "
            + "restores after the last generator ([sharded runs](docs/sharded-runs.md))");
    public static final Setting<Integer> SHARD_INDEX = declare("SHARD_INDEX", 0, wholeNumber(0, MAX_SHARDS - 1),
            "this generator's number among `SHARD_COUNT`, from 0: it runs its slice of the test students (the "
            + "journey's simulation only)");
    public static final Setting<Integer> SHARD_COUNT = declare("SHARD_COUNT", 1, wholeNumber(1, MAX_SHARDS),
            "how many load generators share the run (1 to " + MAX_SHARDS + "); above 1 needs "
            + "`EXTERNAL_TEST_DATA=true` and a "
            + "`BASE_URL`; each generator runs its share of `TOTAL_USERS`, `CONCURRENT_USERS`, `SOAK_ARRIVAL_RATE` "
            + "and `MIN_THROUGHPUT`");

    // ---- results ----
    public static final Setting<Boolean> SAVE_DETAILED_RESULTS = declare("SAVE_DETAILED_RESULTS", true, flag(),
            "one entry per request in the results file");
    public static final Setting<String> RESULTS_FILENAME = declare("RESULTS_FILENAME", "load_test_results.json",
            jsonFile(), "the results file, a path ending in `.json`");
    public static final Setting<String> GATLING_RESULTS_DIR = declare("GATLING_RESULTS_DIR", "target/gatling", path(),
            "where Gatling writes its run folders (set it when Gatling's `--results-folder` is changed)");

    // ---- assertions (the original load test's performance goals) ----
    public static final Setting<Duration> MAX_MEAN_RESPONSE_TIME = declare("MAX_MEAN_RESPONSE_TIME", ofSeconds(1),
            seconds(0.001, 3600), "assertion: seconds");
    public static final Setting<Duration> MAX_P95_RESPONSE_TIME = declare("MAX_P95_RESPONSE_TIME", ofSeconds(3),
            seconds(0.001, 3600), "assertion: seconds");
    public static final Setting<Double> MIN_SUCCESS_RATE = declare("MIN_SUCCESS_RATE", 95.0, number(0, 100),
            "assertion: percent");
    public static final Setting<Double> MIN_THROUGHPUT = declare("MIN_THROUGHPUT", 100.0, number(0, 10_000_000),
            "assertion: requests per second");

    // ---- capacity search and the load generator's self-check ----
    public static final Setting<Integer> CAPACITY_START = declare("CAPACITY_START", 25, wholeNumber(1, MAX_TOTAL_USERS),
            "`capacity`: students of the first level");
    public static final Setting<Double> CAPACITY_FACTOR = declare("CAPACITY_FACTOR", 2.0, number(1.01, 100),
            "`capacity`: each level has this many times the students of the one before (at least one more)");
    public static final Setting<Integer> CAPACITY_MAX = declare("CAPACITY_MAX", 1600, wholeNumber(1, MAX_TOTAL_USERS),
            "`capacity`: no level is larger; as many test students are seeded");
    public static final Setting<Duration> CAPACITY_LEVEL_DURATION = declare("CAPACITY_LEVEL_DURATION", ofSeconds(20),
            seconds(1, 86_400), "`capacity`: seconds each level runs");
    public static final Setting<Integer> MIN_STABLE_CONCURRENCY = declare("MIN_STABLE_CONCURRENCY", 100,
            wholeNumber(0, 1_000_000),
            "`capacity`: the run fails (exit status 5) when the largest level meeting every goal has fewer "
            + "students: the original load test's \"100+ concurrent users handled stably\"");
    public static final Setting<GeneratorSaturation> GENERATOR_SATURATION = declare("GENERATOR_SATURATION",
            GeneratorSaturation.WARN, choice(GeneratorSaturation.class),
            "a saturated load generator: `warn` (console line, `generator` section) or `fail` (exit status 6)");

    /** Every setting, in the order above: the README table's order. */
    public static final List<Setting<?>> ALL = List.copyOf(DECLARED);

    private Settings() {}

    private static String thousands(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private static <T> Setting<T> declare(String name, T fallback, Setting.Rule<T> rule, String meaning) {
        Setting<T> setting = new Setting<>(name, fallback, rule, meaning);
        DECLARED.add(setting);
        return setting;
    }
}
