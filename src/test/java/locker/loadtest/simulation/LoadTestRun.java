package locker.loadtest.simulation;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import locker.config.ConfigException;
import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.anomalies.RecordedRequest;
import locker.loadtest.anomalies.RequestJournal;
import locker.loadtest.capacity.CapacitySearch;
import locker.loadtest.contractcheck.ContractCast;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.results.RunTimeline;
import locker.loadtest.results.RunTimeline.Milestone;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.Outcome;
import locker.loadtest.scenario.Endpoints;
import locker.loadtest.scenario.LockerJourney;
import locker.loadtest.scenario.SessionKeys;
import locker.testdata.TestDataSummary;
import locker.testdata.TestUserRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What every simulation of the project shares, in the order Gatling runs it:
 * <ol>
 *   <li>constructor: the checked settings (a bad one stops here with {@link ExitStatus#BAD_SETTINGS}, before
 *       anything starts), the {@link Target} (BASE_URL, or the embedded reference stack started here) and its
 *       pre-flight check, the run's test students;</li>
 *   <li>{@link #before()}: seeds the test data ({@link TestDataLifecycle}) and starts sampling
 *       ({@link RunRecording});</li>
 *   <li>{@link #after(Simulation)}: checks the invariants in the database, finds the anomalies, restores it (without
 *       a database: gives back through the API what the students took, {@link GiveBack}), stops the target and
 *       hands the run's record to the results export (which runs once Gatling has written its report).</li>
 * </ol>
 */
public final class LoadTestRun {
    /** The one logger of a run's steps, whichever part takes them. */
    static final Logger LOG = LoggerFactory.getLogger(LoadTestRun.class);
    /**
     * The line that says the embedded stack is up (start-up milliseconds, base URL, PostgreSQL's and Redis's ports), in
     * the logger's {@code {}} form. The benchmark watches a run's output for it as it comes, to read the stack's
     * processes' CPU while the run goes on.
     */
    public static final String STACK_STARTED_LINE =
            "embedded reference stack started in {} ms at {} (PostgreSQL on port {}, Redis on port {})";

    private final LoadTestConfig config;
    private final Target target;
    private final StudentFeeder students;
    private final TestDataLifecycle testData;
    private final RunRecording recording;
    private final RunTimeline timeline;

    private LoadTestRun(LoadTestConfig config, Target target, RunTimeline timeline, int studentCount) {
        this.config = config;
        this.target = target;
        this.timeline = timeline;
        this.testData = new TestDataLifecycle(config.seedPlan(studentCount), target.database(), target.redis(),
                config.keepTestData, config.externalTestData);
        if (config.externalTestData) {
            testData.joinExternal();
        }
        this.students = new StudentFeeder(config.shard.slice(TestUserRoster.of(testData.plan())));
        this.recording = new RunRecording(config, target);
        recording.contractChecked(target.contract());
    }

    /**
     * Reads the settings and starts the target (a server at BASE_URL must pass the contract check first);
     * {@code studentCount} says how many students the simulation needs.
     */
    public static LoadTestRun start(ToIntFunction<LoadTestConfig> studentCount) {
        return start(studentCount, true, false);
    }

    /**
     * The same for the journey's simulation, which also runs as one shard of several load generators
     * (SHARD_INDEX of SHARD_COUNT): its students are then its shard's slice of the test students.
     */
    public static LoadTestRun startShard(ToIntFunction<LoadTestConfig> studentCount) {
        return start(studentCount, true, true);
    }

    /** The same for the contract check's own simulation, which is the check and so does not run it first. */
    static LoadTestRun startWithoutContractCheck(ToIntFunction<LoadTestConfig> studentCount) {
        return start(studentCount, false, false);
    }

    private static LoadTestRun start(ToIntFunction<LoadTestConfig> studentCount, boolean checkContract,
                                     boolean shardable) {
        LoadTestConfig config = settingsOrExit();
        if (!shardable && (!config.shard.isWhole() || config.externalTestData)) {
            throw refuseSettings("SHARD_COUNT and EXTERNAL_TEST_DATA are for the journey's simulation"
                    + " (LockerReservationSimulation); this simulation runs in one generator with test data of its own");
        }
        // the generators' test data and target were checked once, by scripts/seed_test_data.sh
        RunTimeline timeline = new RunTimeline();
        Target target = Target.start(config, checkContract && !config.externalTestData, timeline);
        if (!target.databaseReachable()) {
            RequestJournal.keepLoginAnswers();
        }
        return new LoadTestRun(config, target, timeline, studentCount.applyAsInt(config));
    }

    /**
     * The checked settings; bad ones end this JVM with {@link ExitStatus#BAD_SETTINGS} and the message naming
     * them, before anything is started. Gatling would print the exception with its stack trace and go on to
     * its report; neither helps someone who mistyped a setting.
     */
    public static LoadTestConfig settingsOrExit() {
        return settingsOrExit(SettingSource.standard());
    }

    static LoadTestConfig settingsOrExit(SettingSource source) {
        try {
            return LoadTestConfig.from(source);
        } catch (ConfigException e) {
            throw refuseSettings(e.getMessage());
        }
    }

    /** Ends this JVM with {@link ExitStatus#BAD_SETTINGS} and {@code message}, which names the setting. */
    public static IllegalStateException refuseSettings(String message) {
        return ExitStatus.BAD_SETTINGS.exit(message);
    }

    public LoadTestConfig config() {
        return config;
    }

    /** The server under test: BASE_URL, or the embedded stack's address. */
    public String baseUrl() {
        return target.baseUrl();
    }

    public HttpProtocolBuilder protocol() {
        return Endpoints.protocol(target.baseUrl(), config.maxConnections);
    }

    public Endpoints endpoints() {
        return new Endpoints(config.requestTimeout);
    }

    public LockerJourney journey() {
        return new LockerJourney(config, recording.outcomes(), testData::recordAccessToken);
    }

    /** A session step that counts an outcome, for simulations that do not go through {@link #journey()}. */
    public Function<Session, Session> record(Outcome outcome) {
        return recording.record(outcome);
    }

    /**
     * A session step that counts what the last answer under {@code answerKey} means: {@link SessionKeys#HOLD_ANSWER}
     * (won, refused by the database), {@link SessionKeys#CONFIRM_ANSWER} (confirmed, refused) or
     * {@link SessionKeys#GIVE_UP_ANSWER} (given up, refused).
     */
    public Function<Session, Session> recordAnswer(String answerKey) {
        return recording.recordAnswer(answerKey);
    }

    /** The run's capacity search (PROFILE=capacity), created on first use; its record is written after the run. */
    public CapacitySearch capacitySearch() {
        return recording.capacitySearch();
    }

    /** Notes the contract check's report for the results (the contract check's own simulation). */
    void contractChecked(ContractReport report) {
        recording.contractChecked(report);
    }

    /**
     * The contract check's students and lockers, once seeded (in {@link #before()}): the first two test students, the
     * first of whom is made a newcomer (its row removed, so that its first login is answered 201), and the first two
     * test lockers.
     */
    ContractCast contractCast() {
        return testData.contractCast();
    }

    /** Tells the test data each access token a student of the contract check receives. */
    void recordAccessToken(String accessToken) {
        testData.recordAccessToken(accessToken);
    }

    /** The run's one feeder: each virtual user takes the next test student. */
    public Iterator<Map<String, Object>> students() {
        return students;
    }

    /** Seeds the test data (or warns and goes on without a database) and starts the samplers. */
    public void before() {
        testData.seed();
        timeline.reached(Milestone.SEEDED);
        recording.startSampling();
        timeline.reached(Milestone.LOAD_STARTED);
    }

    /**
     * Checks the invariants, finds the anomalies and their evidence, restores the database, stops the target and hands
     * everything to the results export, which ends a run whose restore failed or found rows changed by others with
     * {@link locker.loadtest.results.ExitStatus#RESTORE_INCOMPLETE}.
     */
    public void after(Simulation simulation) {
        timeline.reached(Milestone.LOAD_ENDED);
        List<RecordedRequest> journal = RequestJournal.recorded();
        RunRecording.Sampled sampled = recording.stopSampling(
                journal.stream().mapToLong(RecordedRequest::endMillis).toArray());
        boolean connected = testData.connected();
        List<InvariantResult> invariants = connected ? testData.checkInvariants(
                recording.outcomes().count(Outcome.CONFIRMED) - recording.outcomes().count(Outcome.RELEASED)) : List.of();
        AnomalyReport anomalies = testData.findAnomalies(journal, invariants);
        TestDataSummary restored;
        try {
            restored = connected || target.embedded() ? testData.restore()
                    : GiveBack.run(target.baseUrl(), journal, config.requestTimeout).summary(testData.plan());
        } finally {
            target.close();
        }
        timeline.reached(Milestone.RESTORED);
        recording.export(simulation, sampled, connected, invariants, anomalies, restored, timeline);
    }
}
