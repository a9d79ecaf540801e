package locker.bench;

import locker.bench.BenchmarkOptions.Step;
import locker.bench.LoadRuns.LargeRush;
import locker.bench.LoadRuns.Medians;
import locker.loadtest.results.RunTimeline.Milestone;
import locker.loadtest.simulation.LoadTestRun;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's command line, the milestones it watches for, and the start-up split they give. */
class BenchmarkTest {

    @Test
    void optionsChooseTheLengthTheFileAndTheSteps() {
        BenchmarkOptions all = BenchmarkOptions.parse();
        assertThat(all.quick()).isFalse();
        assertThat(all.repeats()).isEqualTo(3);
        assertThat(all.largeRush()).isEqualTo(10_000);
        assertThat(all.steps()).isEqualTo(EnumSet.allOf(Step.class));
        assertThat(all.out()).isEqualTo(Path.of("benchmark_results.json"));
        assertThat(all.ceilingStudents()).isEqualTo(30_000);
        assertThat(all.ceilingRush()).isEqualTo(10_000);

        BenchmarkOptions quick = BenchmarkOptions.parse("--quick", "--out", "x.json", "--only", "seeding,large-rush");
        assertThat(quick.repeats()).isEqualTo(1);
        assertThat(quick.largeRush()).isEqualTo(3_000);
        assertThat(quick.serverSeconds()).isEqualTo(10);
        assertThat(quick.out()).isEqualTo(Path.of("x.json"));
        assertThat(quick.steps()).containsExactly(Step.LARGE_RUSH, Step.SEEDING);
        assertThat(quick.ceilingStudents()).isEqualTo(5_000);
        assertThat(quick.ceilingRush()).isEqualTo(2_000);
        assertThat(BenchmarkOptions.parse("--only", "ceiling").steps()).containsExactly(Step.CEILING);
        BenchmarkOptions tiny = BenchmarkOptions.parse("--only", "ceiling", "--ceiling-students", "300, 200");
        assertThat(tiny.ceilingStudents()).isEqualTo(300);
        assertThat(tiny.ceilingRush()).isEqualTo(200);
    }

    @Test
    void badOptionsAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--only", "headline,warp"))
                .hasMessage("--only takes some of headline, rush, large-rush, server, seeding, startup, ceiling; was 'warp'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--out")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--out", "--quick")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--ceiling-students", "300"))
                .hasMessage("--ceiling-students takes two counts of 1 to 100,000, the journey's and the rush's"
                        + " (e.g. 300,300); was '300'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--ceiling-students", "0,x"))
                .hasMessageEndingWith("was '0,x'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessage("unknown argument '--fast' (see --help)");
    }

    @Test
    void eachGoalsTextAndItsCheckComeFromTheSameValues() {
        assertThat(LoadRuns.HEADLINE_GOAL.text()).isEqualTo("≥ 1,768 req/s, mean ≤ 0.061 s, 0 failed");
        assertThat(LoadRuns.HEADLINE_GOAL.metBy(new Medians(1_768, 0.061, 9, 0))).isTrue();
        assertThat(LoadRuns.HEADLINE_GOAL.metBy(new Medians(1_767.9, 0.061, 0, 0))).isFalse();
        assertThat(LoadRuns.HEADLINE_GOAL.metBy(new Medians(1_768, 0.0611, 0, 0))).isFalse();
        assertThat(LoadRuns.HEADLINE_GOAL.metBy(new Medians(1_768, 0.061, 0, 1))).isFalse();

        assertThat(LoadRuns.RUSH_GOAL.text()).isEqualTo("p95 < 250 ms");
        assertThat(LoadRuns.RUSH_GOAL.metBy(new Medians(0, 0, 0.2499, 0))).isTrue();
        assertThat(LoadRuns.RUSH_GOAL.metBy(new Medians(0, 0, 0.250, 0))).isFalse();

        assertThat(LoadRuns.LARGE_RUSH_GOAL.text()).isEqualTo("ends by itself, 0 failed, p95 < 2 s, heap < 1 GiB");
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(10, 0, 1.9, 1023.0))).isTrue();
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(9, 0, 1.9, 1023.0))).as("a student unfinished").isFalse();
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(10, 1, 1.9, 1023.0))).isFalse();
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(10, 0, 2.0, 1023.0))).isFalse();
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(10, 0, 1.9, 1024.0))).isFalse();
        assertThat(LoadRuns.LARGE_RUSH_GOAL.metBy(largeRush(10, 0, 1.9, null))).as("heap not sampled").isFalse();

        assertThat(GeneratorCeiling.JOURNEY_GOAL.text()).isEqualTo("≤ 0.05 CPU ms per request, 0 failed");
        assertThat(GeneratorCeiling.RUSH_GOAL.text()).isEqualTo("the run's generator section: not saturated, 0 failed");
    }

    /** A rush of 10 students, {@code finished} of whom finished, in 30 s. */
    private static LargeRush largeRush(long finished, long failed, double p95, Double heapMiB) {
        RunFigures figures = new RunFigures(100, failed, 30, 3.3, 3.3, 0.1, p95, p95, Map.of("confirmed", finished),
                heapMiB, true, 30);
        return LargeRush.of(figures, 10);
    }

    @Test
    void theStacksLineIsReadAsTheRunPrintsIt() {
        String line = "12:00:01.000 [main] INFO locker.loadtest.simulation.LoadTestRun - " + MessageFormatter.arrayFormat(
                LoadTestRun.STACK_STARTED_LINE, new Object[] {4321, "http://127.0.0.1:40001", 40002, 40003}).getMessage();
        assertThat(GatlingRun.milestone(line, new LinkedHashMap<>())).hasValue(GatlingRun.Milestone.STACK_STARTED);
        Matcher values = GatlingRun.stackLine(line);
        assertThat(List.of(values.group(1), values.group(2), values.group(3), values.group(4)))
                .containsExactly("4321", "http://127.0.0.1:40001", "40002", "40003");
        String reworded = line.replace("PostgreSQL on port", "PostgreSQL at");
        assertThatThrownBy(() -> GatlingRun.stackLine(reworded)).hasMessageContaining(reworded);
    }

    @Test
    void aRunThatEndedWellWithoutAWatchedLineIsNamed() {
        Set<GatlingRun.Milestone> gatlingsOnly = EnumSet.of(GatlingRun.Milestone.SIMULATION_STARTED,
                GatlingRun.Milestone.SIMULATION_COMPLETED);
        assertThat(GatlingRun.missed(gatlingsOnly, true)).containsExactly(GatlingRun.Milestone.STACK_STARTED);
        assertThat(GatlingRun.missed(gatlingsOnly, false)).isEmpty();
        assertThat(GatlingRun.missed(EnumSet.of(GatlingRun.Milestone.STACK_STARTED), true))
                .containsExactly(GatlingRun.Milestone.SIMULATION_STARTED, GatlingRun.Milestone.SIMULATION_COMPLETED);
    }

    @Test
    void theWatchedLinesAreTakenOnceAndInOrder() {
        Map<GatlingRun.Milestone, Instant> reached = new LinkedHashMap<>();
        assertThat(GatlingRun.milestone("Simulation locker.loadtest.simulation.LockerReservationSimulation started...", reached))
                .hasValue(GatlingRun.Milestone.SIMULATION_STARTED);
        reached.put(GatlingRun.Milestone.SIMULATION_STARTED, Instant.now());
        assertThat(GatlingRun.milestone("User 42: Simulation locker. is not a milestone twice", reached)).isEmpty();
        assertThat(GatlingRun.milestone("12:00:01.000 INFO i.gatling.app.Runner - Simulation "
                + "locker.loadtest.simulation.LockerReservationSimulation completed in 6 seconds", reached))
                .hasValue(GatlingRun.Milestone.SIMULATION_COMPLETED);
        assertThat(GatlingRun.milestone("the request completed in time", reached)).isEmpty();
    }

    @Test
    void thePhasesOfARunComeFromItsTimelineAndAddUpToItsWallTime() {
        Instant start = Instant.parse("2026-11-24T12:00:00Z");
        Map<String, Long> timeline = new LinkedHashMap<>();
        timeline.put(Milestone.STACK_STARTED.key(), start.plusMillis(5_000).toEpochMilli());
        timeline.put(Milestone.WARMED_UP.key(), start.plusMillis(10_200).toEpochMilli());
        timeline.put(Milestone.SEEDED.key(), start.plusMillis(10_700).toEpochMilli());
        timeline.put(Milestone.LOAD_STARTED.key(), start.plusMillis(10_800).toEpochMilli());
        timeline.put(Milestone.LOAD_ENDED.key(), start.plusMillis(22_700).toEpochMilli());
        timeline.put(Milestone.RESTORED.key(), start.plusMillis(23_000).toEpochMilli());
        timeline.put(Milestone.REPORT_WRITTEN.key(), start.plusMillis(23_800).toEpochMilli());
        timeline.put(Milestone.EXPORTED.key(), start.plusMillis(24_000).toEpochMilli());
        GatlingRun.Result run = new GatlingRun.Result(0, Path.of("run.log"), Path.of("run.json"), start,
                start.plusMillis(24_400), start.plusMillis(3_100), Map.of(), Optional.of(3.4));

        Map<String, Double> phases = StartupSplit.phases(run, timeline);

        assertThat(phases).containsExactly(Map.entry("build", 3.1), Map.entry("JVM + stack", 1.9),
                Map.entry("warm-up", 5.2), Map.entry("seed", 0.5), Map.entry("run", 12.0),
                Map.entry("invariants + restore", 0.3), Map.entry("report", 0.8), Map.entry("export", 0.2),
                Map.entry("end of Maven", 0.4));
        assertThat(phases.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(24.4,
                org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aRunAgainstItsOwnServerHasNoStackPhases() {
        Instant start = Instant.parse("2026-11-24T12:00:00Z");
        Map<String, Long> timeline = Map.of(Milestone.SEEDED.key(), start.plusMillis(4_000).toEpochMilli(),
                Milestone.LOAD_ENDED.key(), start.plusMillis(9_000).toEpochMilli());
        GatlingRun.Result run = new GatlingRun.Result(0, Path.of("run.log"), Path.of("run.json"), start,
                start.plusMillis(10_000), start.plusMillis(3_000), Map.of(), Optional.empty());

        assertThat(StartupSplit.phases(run, timeline)).containsExactly(Map.entry("build", 3.0), Map.entry("seed", 1.0),
                Map.entry("run", 5.0), Map.entry("end of Maven", 1.0));
    }
}
