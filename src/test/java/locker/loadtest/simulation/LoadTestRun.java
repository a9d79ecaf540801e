package locker.loadtest.simulation;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import locker.config.ConfigException;
import locker.config.DbTarget;
import locker.config.LoadTestConfig;
import locker.config.RedisTarget;
import locker.config.SeedPlan;
import locker.loadtest.capacity.CapacityGoals;
import locker.loadtest.capacity.CapacityPlan;
import locker.loadtest.capacity.CapacitySearch;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.generator.GeneratorSampler;
import locker.loadtest.metrics.ServerMetricsSampler;
import locker.loadtest.results.InvariantResult;
import locker.loadtest.results.Invariants;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.RunDirectories;
import locker.loadtest.results.StudentIdRange;
import locker.loadtest.results.export.ExportAtExit;
import locker.loadtest.scenario.Endpoints;
import locker.loadtest.scenario.LockerJourney;
import locker.loadtest.scenario.Outcomes;
import locker.loadtest.scenario.SessionKeys;
import locker.testdata.RestoreMismatchException;
import locker.testdata.RestoreReport;
import locker.testdata.SeedResult;
import locker.testdata.TestData;
import locker.testdata.TestUserRoster;
import locker.twin.server.ReferenceServerSettings;
import locker.twin.stack.EmbeddedStack;
import locker.twin.stack.ServerWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What every simulation of the project shares, in the order Gatling runs it:
 * <ol>
 *   <li>constructor: the checked settings (a bad one stops here with exit code 2, before anything starts), the
 *       target (BASE_URL, or the embedded reference stack started here), the pre-flight check that the target
 *       answers {@code GET /api/v1/health} with 200 (otherwise exit code 7, nothing seeded), the run's test
 *       students;</li>
 *   <li>{@link #before()}: seeds the test data and starts sampling the server's metrics;</li>
 *   <li>{@link #after(Simulation)}: checks the invariants in the database, restores it, hands the run's
 *       context to the results export (which runs once Gatling has written its report) and stops the stack.</li>
 * </ol>
 */
public final class LoadTestRun {
    private static final Logger LOG = LoggerFactory.getLogger(LoadTestRun.class);
    /** The exit code of a run refused for its settings, as scripts/run_load_test.sh uses for them. */
    public static final int BAD_SETTINGS_EXIT_CODE = 2;
    /** The exit code of a run whose target did not answer its health check with 200. */
    public static final int UNHEALTHY_TARGET_EXIT_CODE = 7;

    private final LoadTestConfig config;
    private final EmbeddedStack stack;
    private final String baseUrl;
    private final SeedPlan plan;
    private final StudentFeeder students;
    private final DbTarget database;
    private final RedisTarget redis;
    private final Outcomes outcomes = new Outcomes();
    private volatile TestData testData;
    private ServerMetricsSampler metrics;
    private CapacitySearch capacitySearch;
    private GeneratorSampler generatorSampler;

    private LoadTestRun(LoadTestConfig config, EmbeddedStack stack, int studentCount) {
        this.config = config;
        this.stack = stack;
        this.baseUrl = stack != null ? stack.baseUrl() : config.baseUrl.orElseThrow();
        this.plan = config.seedPlan(studentCount);
        this.students = new StudentFeeder(TestUserRoster.of(plan));
        this.database = stack != null
                ? new DbTarget(EmbeddedStack.HOST, stack.dbPort(), EmbeddedStack.DB_NAME, EmbeddedStack.DB_USER,
                        EmbeddedStack.DB_PASSWORD)
                : config.database;
        this.redis = stack != null ? new RedisTarget(EmbeddedStack.HOST, stack.redisPort(), null) : config.redis;
    }

    /** Reads the settings and starts the target; {@code studentCount} says how many students the simulation needs. */
    public static LoadTestRun start(ToIntFunction<LoadTestConfig> studentCount) {
        LoadTestConfig config = settingsOrExit();
        EmbeddedStack stack = null;
        if (config.usesEmbeddedStack()) {
            stack = EmbeddedStack.start();
            LOG.info("embedded reference stack started in {} ms at {} (PostgreSQL on port {}, Redis on port {})",
                    stack.startupMillis(), stack.baseUrl(), stack.dbPort(), stack.redisPort());
        }
        String baseUrl = stack != null ? stack.baseUrl() : config.baseUrl.orElseThrow();
        Optional<String> unhealthy = Preflight.problem(baseUrl, config.requestTimeout);
        if (unhealthy.isPresent()) {
            if (stack != null) {
                stack.close();
            }
            System.out.flush();
            System.err.println("pre-flight check failed, the run stops before seeding (nothing was changed): "
                    + unhealthy.get());
            System.err.flush();
            System.exit(UNHEALTHY_TARGET_EXIT_CODE);
        }
        if (stack != null && !config.serverWarmUp.isZero()) {
            LOG.info("embedded reference stack warmed up: {}", ServerWarmUp.run(stack, config.serverWarmUp));
        }
        return new LoadTestRun(config, stack, studentCount.applyAsInt(config));
    }

    /**
     * The checked settings; bad ones end this JVM with {@value #BAD_SETTINGS_EXIT_CODE} and the message naming
     * them, before anything is started. Gatling would print the exception with its stack trace and go on to
     * its report; neither helps someone who mistyped a setting.
     */
    private static LoadTestConfig settingsOrExit() {
        try {
            return LoadTestConfig.load();
        } catch (ConfigException e) {
            System.out.flush();
            System.err.println(e.getMessage());
            System.err.flush();
            System.exit(BAD_SETTINGS_EXIT_CODE);
            throw e;
        }
    }

    public LoadTestConfig config() {
        return config;
    }

    public HttpProtocolBuilder protocol() {
        return Endpoints.protocol(baseUrl, config.maxConnections);
    }

    public Endpoints endpoints() {
        return new Endpoints(config.requestTimeout);
    }

    public LockerJourney journey() {
        return new LockerJourney(config, outcomes, this::recordAccessToken);
    }

    /** A session step that counts an outcome, for simulations that do not go through {@link #journey()}. */
    public Function<Session, Session> record(Outcome outcome) {
        return session -> {
            if (!session.isFailed()) {
                outcomes.record(outcome);
            }
            return session;
        };
    }

    /** A session step that counts what the last hold's answer means (won, refused by the database). */
    public Function<Session, Session> recordHold() {
        return session -> {
            if (session.contains(SessionKeys.HOLD_ANSWER)) {
                outcomes.recordHold(session.get(SessionKeys.HOLD_ANSWER));
            }
            return session;
        };
    }

    /** A session step that counts what the last confirm's answer means (confirmed, refused). */
    public Function<Session, Session> recordConfirm() {
        return session -> {
            if (session.contains(SessionKeys.CONFIRM_ANSWER)) {
                outcomes.recordConfirm(session.get(SessionKeys.CONFIRM_ANSWER));
            }
            return session;
        };
    }

    /** The run's one feeder: each virtual user takes the next test student. */
    public Iterator<Map<String, Object>> students() {
        return students;
    }

    /** Seeds the test data (or warns and goes on without a database) and starts the metrics sampler. */
    public void before() {
        testData = TestData.connect(database, redis);
        SeedResult seeded = testData.seed(plan);
        seeded.earlierRun().ifPresent(report -> LOG.warn("an earlier run had not been restored; restored it first: {}",
                report.summary()));
        metrics = new ServerMetricsSampler(metricsConnection(), metricsRedis(), stack != null, Duration.ofSeconds(1));
        startGeneratorSampler();
    }

    /**
     * Checks the invariants, restores the database, and hands everything to the results export; a
     * restore that finds rows changed by others fails the run after the export.
     */
    public void after(Simulation simulation) {
        GeneratorReport generator = stopGeneratorSampler();
        Map<String, Object> serverMetrics = stopMetrics();
        boolean connected = testData != null && testData.isConnected();
        List<InvariantResult> invariants = connected ? checkInvariants() : List.of();
        Map<String, Object> testDataSummary = new LinkedHashMap<>();
        testDataSummary.put("student_ids", plan.studentIdStart() + "-" + plan.studentIdEnd());
        testDataSummary.put("test_lockers", plan.testLockersCount());
        RestoreMismatchException mismatch = null;
        try {
            if (testData != null && config.keepTestData && connected) {
                testDataSummary.put("restore", "kept for inspection (KEEP_TEST_DATA): scripts/restore.sh or the next"
                        + " run removes it");
                LOG.warn("test data kept (KEEP_TEST_DATA); scripts/restore.sh or the next run removes it");
            } else if (testData != null) {
                RestoreReport restored = testData.restore();
                testDataSummary.put("restore", restored.summary());
                testDataSummary.put("restored_exactly", restored.exact());
            }
        } catch (RestoreMismatchException e) {
            mismatch = e;
            testDataSummary.put("restore", e.report().summary());
            testDataSummary.put("restored_exactly", false);
        } finally {
            if (testData != null) {
                testData.close();
            }
            if (stack != null) {
                stack.close();
            }
        }
        LOG.info("outcomes: {}", outcomes.asMap());
        Map<String, Object> described = new LinkedHashMap<>(config.describe());
        described.put("base_url", baseUrl);
        writeCapacityAndGeneratorFiles(simulation, generator);
        ExportAtExit.afterRun(simulation, new RunContext(described, outcomes.asMap(), connected, invariants,
                serverMetrics, testDataSummary));
        if (mismatch != null) {
            throw mismatch;
        }
    }

    // ---- capacity search and the load generator's self-check ----

    /** The run's capacity search (PROFILE=capacity), created on first use; its record is written after the run. */
    public CapacitySearch capacitySearch() {
        if (capacitySearch == null) {
            capacitySearch = new CapacitySearch(CapacityPlan.of(config), CapacityGoals.of(config), outcomes::asMap);
        }
        return capacitySearch;
    }

    private void startGeneratorSampler() {
        generatorSampler = GeneratorSampler.start();
    }

    private GeneratorReport stopGeneratorSampler() {
        if (generatorSampler == null) {
            return null;
        }
        GeneratorReport report = generatorSampler.stop(config.generatorSaturation == LoadTestConfig.GeneratorSaturation.FAIL);
        report.warning().ifPresent(LOG::warn);
        return report;
    }

    /** Leaves the capacity record and the generator report in the run's report folder for the results export. */
    private void writeCapacityAndGeneratorFiles(Simulation simulation, GeneratorReport generator) {
        Optional<Path> runDirectory = RunDirectories.newestRun(ResultsSettings.standard().gatlingResultsDirectory(),
                RunDirectories.simulationId(simulation.getClass()), ManagementFactory.getRuntimeMXBean().getStartTime());
        if (runDirectory.isEmpty()) {
            return;
        }
        if (capacitySearch != null) {
            capacitySearch.record().writeTo(runDirectory.get());
        }
        if (generator != null) {
            generator.writeTo(runDirectory.get());
        }
    }

    private void recordAccessToken(String accessToken) {
        TestData data = testData;
        if (data != null) {
            data.recordAccessToken(accessToken);
        }
    }

    private List<InvariantResult> checkInvariants() {
        long confirmedNow = outcomes.count(Outcome.CONFIRMED) - outcomes.count(Outcome.RELEASED);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            return Invariants.check(c, confirmedNow, new StudentIdRange(plan.studentIdStart(), plan.studentIdEnd()));
        } catch (SQLException e) {
            LOG.warn("invariants not checked: {}", e.getMessage());
            return List.of();
        }
    }

    private Optional<Connection> metricsConnection() {
        try {
            return Optional.of(DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password()));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private Optional<Jedis> metricsRedis() {
        try {
            Jedis jedis = new Jedis(redis.host(), redis.port(), 1_000);
            if (redis.password() != null) {
                jedis.auth(redis.password());
            }
            jedis.ping();
            return Optional.of(jedis);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> stopMetrics() {
        if (metrics == null) {
            return Map.of();
        }
        metrics.close();
        Map<String, Object> pools = new LinkedHashMap<>();
        pools.put("gatling_connections", config.maxConnections == 0 ? "one per student" : config.maxConnections);
        if (stack != null) {
            ReferenceServerSettings server = stack.serverSettings();
            pools.put("server_db_pool", server.dbPoolSize());
            pools.put("server_http_threads", server.httpThreads());
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("pools", pools);
        described.put("peaks", metrics.peaks());
        described.put("series", metrics.describe());
        return described;
    }
}
