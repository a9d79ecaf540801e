package locker.simulation;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import locker.config.LoadTestConfig;
import locker.data.SeedPlan;
import locker.data.TestUsers;
import locker.scenario.Endpoints;
import locker.scenario.LockerJourney;
import locker.scenario.Outcomes;
import locker.stack.EmbeddedStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What every simulation of the project shares: the validated settings, the target (BASE_URL or the
 * embedded reference stack, started here and stopped at the end), the run's test students and the
 * outcome counters. Simulations create one in their constructor and call {@link #before()} and
 * {@link #after()} from Gatling's hooks.
 */
public final class LoadTestRun {
    private static final Logger LOG = LoggerFactory.getLogger(LoadTestRun.class);

    private final LoadTestConfig config;
    private final EmbeddedStack stack;
    private final String baseUrl;
    private final StudentFeeder students;
    private final Outcomes outcomes = new Outcomes();

    private LoadTestRun(LoadTestConfig config, EmbeddedStack stack, int studentCount) {
        this.config = config;
        this.stack = stack;
        this.baseUrl = stack != null ? stack.baseUrl() : config.baseUrl.orElseThrow();
        this.students = new StudentFeeder(
                TestUsers.of(new SeedPlan(studentCount, config.studentIdStart, config.testLockersCount)));
    }

    /**
     * Reads and validates the settings (a bad one stops here, before anything starts), then starts
     * the embedded stack when no BASE_URL is given.
     */
    public static LoadTestRun start(ToIntFunction<LoadTestConfig> studentCount) {
        LoadTestConfig config = LoadTestConfig.load();
        return start(config, studentCount.applyAsInt(config));
    }

    static LoadTestRun start(LoadTestConfig config, int studentCount) {
        EmbeddedStack stack = null;
        if (config.usesEmbeddedStack()) {
            stack = EmbeddedStack.start();
            LOG.info("embedded reference stack started in {} ms at {}", stack.startupMillis(), stack.baseUrl());
        }
        return new LoadTestRun(config, stack, studentCount);
    }

    public LoadTestConfig config() {
        return config;
    }

    public Outcomes outcomes() {
        return outcomes;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpProtocolBuilder protocol() {
        return Endpoints.protocol(baseUrl, config.maxConnections);
    }

    public LockerJourney journey() {
        return new LockerJourney(config, outcomes);
    }

    /** The run's one feeder: each virtual user takes the next test student. */
    public Iterator<Map<String, Object>> students() {
        return students;
    }

    public void before() {
        // seeding is wired in with the test-data manager
    }

    public void after() {
        LOG.info("outcomes: {}", outcomes.asMap());
        if (stack != null) {
            stack.close();
        }
    }
}
