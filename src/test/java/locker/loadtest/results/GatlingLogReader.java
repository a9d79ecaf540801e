package locker.loadtest.results;

import io.gatling.charts.stats.FirstPassParser;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestRecord;
import io.gatling.charts.stats.ResultsHolder;
import io.gatling.charts.stats.RunInfo;
import io.gatling.charts.stats.SecondPassParser;
import io.gatling.core.config.GatlingConfiguration;
import io.gatling.shared.model.assertion.AssertionMessage$;
import io.gatling.shared.model.assertion.AssertionResult;
import io.gatling.shared.model.assertion.AssertionValidator;
import scala.jdk.javaapi.CollectionConverters;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's binary {@code simulation.log} through Gatling's own report parser (internal API of
 * gatling-charts, hence pinned to {@link #SUPPORTED_GATLING_VERSION}; {@code GatlingLogReaderTest} breaks
 * when the version on the classpath changes). Gives what the HTML report does not show: one entry per
 * request, and the actual value behind each assertion.
 */
public final class GatlingLogReader {
    public static final String SUPPORTED_GATLING_VERSION = "3.15.1";
    static final String SIMULATION_LOG = "simulation.log";

    private final Path runDirectory;

    public GatlingLogReader(Path runDirectory) {
        requireSupportedVersion();
        if (!Object.class.getModule().isOpen("java.lang", GatlingLogReader.class.getModule())) {
            throw new IllegalStateException("Gatling's log reader needs the JVM option "
                    + "--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        this.runDirectory = runDirectory;
    }

    /** One request as Gatling recorded it; {@code ok} is Gatling's OK/KO verdict. */
    public record RequestEntry(String name, boolean ok, long startMillis, int responseTimeMillis, String errorMessage) {}

    /** An assertion as Gatling's validator evaluates it on this log; {@code actual} is null when unresolved. */
    public record AssertionOutcome(String description, boolean passed, Double actual) {}

    /** The gatling-charts version on the classpath, from its jar's manifest. */
    public static String classpathGatlingVersion() {
        String version = LogFileReader.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    static void requireSupportedVersion() {
        String version = classpathGatlingVersion();
        if (!SUPPORTED_GATLING_VERSION.equals(version)) {
            throw new IllegalStateException("GatlingLogReader uses gatling-charts internals checked against "
                    + SUPPORTED_GATLING_VERSION + " but the classpath has " + version
                    + ": re-check io.gatling.charts.stats.SecondPassParser/ResultsHolder and update it");
        }
    }

    /** Every request of the run in log order, as counted by the report (incoming messages excluded). */
    public List<RequestEntry> requests() {
        File log = logFile();
        RunInfo runInfo;
        try (FirstPassParser first = new FirstPassParser(log, ZoneOffset.UTC)) {
            runInfo = first.parse();
        }
        RecordingHolder holder = new RecordingHolder();
        try (SecondPassParser second = new SecondPassParser(log, runInfo, 1.0, 800, 1200)) {
            replaceResultsHolder(second, holder);
            second.parse();
        }
        return holder.entries;
    }

    /** Gatling's own evaluation of the assertions stored in the log, keyed by their report description. */
    public Map<String, AssertionOutcome> assertions() {
        Path resultsDirectory = runDirectory.toAbsolutePath().getParent();
        LogFileData data = LogFileReader.apply(runDirectory.getFileName().toString(), resultsDirectory,
                GatlingConfiguration.load()).read();
        Map<String, AssertionOutcome> outcomes = new LinkedHashMap<>();
        for (AssertionResult result : CollectionConverters.asJava(
                new AssertionValidator(data).validateAssertions(data.assertions()))) {
            String description = AssertionMessage$.MODULE$.message(result.assertion());
            Double actual = result instanceof AssertionResult.Resolved resolved ? resolved.actualValue() : null;
            outcomes.put(description, new AssertionOutcome(description, result.success(), actual));
        }
        return outcomes;
    }

    private File logFile() {
        File log = runDirectory.resolve(SIMULATION_LOG).toFile();
        if (!log.isFile()) {
            throw new IllegalArgumentException("no " + SIMULATION_LOG + " in " + runDirectory);
        }
        return log;
    }

    // SecondPassParser is final and builds its own ResultsHolder; swapping it is how we see each record.
    private static void replaceResultsHolder(SecondPassParser parser, ResultsHolder holder) {
        try {
            Field field = SecondPassParser.class.getDeclaredField("resultsHolder");
            field.setAccessible(true);
            field.set(parser, holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("gatling-charts internals changed: " + e, e);
        }
    }

    /** Keeps the request records and ignores everything else the parser hands over. */
    private static final class RecordingHolder extends ResultsHolder {
        private final List<RequestEntry> entries = new ArrayList<>();

        RecordingHolder() {
            super(0L, 1L, new int[] {0}, 800, 1200);
        }

        @Override
        public void addRequestRecord(RequestRecord record) {
            if (!record.incoming()) {
                entries.add(new RequestEntry(record.name(), "OK".equals(record.status().name()), record.start(),
                        record.responseTime(), record.errorMessage().getOrElse(() -> null)));
            }
        }

        @Override
        public void addUserRecord(io.gatling.charts.stats.UserRecord record) {}

        @Override
        public void addGroupRecord(io.gatling.charts.stats.GroupRecord record) {}

        @Override
        public void addErrorRecord(io.gatling.charts.stats.ErrorRecord record) {}

        @Override
        public void flushTrailingConcurrentUsers() {}
    }
}
