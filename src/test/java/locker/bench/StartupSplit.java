package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.loadtest.results.RunTimeline.Milestone;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static locker.bench.BenchmarkReport.number;
import static locker.bench.Measured.details;
import static locker.bench.Measured.noResults;

/** Where the wall time of a default {@code ./mvnw gatling:test} goes. */
final class StartupSplit {
    private static final String FIGURE = "start-up split of ./mvnw gatling:test";

    /** The phases after the build, each named with the milestone of the results' timeline that ends it. */
    private static final Map<String, Milestone> PHASE_ENDS = phaseEnds();

    private final BenchmarkRuns runs;

    StartupSplit(BenchmarkRuns runs) {
        this.runs = runs;
    }

    List<Row> rows() {
        Measured run = runs.measure("default", Map.of());
        if (run.figures() == null) {
            return List.of(noResults(FIGURE, "–", List.of(run), "./mvnw gatling:test"));
        }
        Map<String, Double> phases = phases(run.run(), run.timeline());
        String split = phases.entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue(), 1))
                .collect(Collectors.joining(", "));
        Map<String, Object> details = details(List.of(run));
        details.put("phases_seconds", phases);
        Optional<Double> stack = run.run().stackStartSeconds();
        stack.ifPresent(seconds -> details.put("stack_start_seconds", seconds));
        return List.of(new Row(FIGURE, "–",
                number(run.run().wallTime().toMillis() / 1000.0, 1) + " s: " + split
                        + stack.map(s -> "; of the JVM + stack, the stack (PostgreSQL, Redis, server) " + number(s, 1) + " s")
                        .orElse(""),
                null, "./mvnw gatling:test", details));
    }

    private static Map<String, Milestone> phaseEnds() {
        Map<String, Milestone> ends = new LinkedHashMap<>();
        ends.put("JVM + stack", Milestone.STACK_STARTED);
        ends.put("warm-up", Milestone.WARMED_UP);
        ends.put("seed", Milestone.SEEDED);
        ends.put("run", Milestone.LOAD_ENDED);
        ends.put("invariants + restore", Milestone.RESTORED);
        ends.put("report", Milestone.REPORT_WRITTEN);
        ends.put("export", Milestone.EXPORTED);
        return ends;
    }

    /**
     * Where the wall time of a run went: the build (Maven until Gatling's JVM starts), then each phase up to the
     * milestone that ends it in the run's {@code timeline} (epoch milliseconds, from its results file), then Maven's
     * end. A milestone the run did not reach (no stack to start against BASE_URL) leaves its phase out.
     */
    static Map<String, Double> phases(GatlingRun.Result run, Map<String, Long> timeline) {
        Map<String, Double> phases = new LinkedHashMap<>();
        Instant previous = run.started();
        Instant jvm = run.gatlingJvmStarted();
        if (jvm != null && jvm.isAfter(previous)) {
            phases.put("build", seconds(previous, jvm));
            previous = jvm;
        }
        for (Map.Entry<String, Milestone> phase : PHASE_ENDS.entrySet()) {
            Long end = timeline.get(phase.getValue().key());
            if (end != null) {
                Instant at = Instant.ofEpochMilli(end);
                phases.put(phase.getKey(), seconds(previous, at));
                previous = at;
            }
        }
        phases.put("end of Maven", seconds(previous, run.ended()));
        return phases;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
