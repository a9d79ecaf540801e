package locker.bench;

import locker.bench.Benchmark.Options;
import locker.bench.Benchmark.Step;
import locker.bench.GatlingRun.Milestone;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's command line, the milestones it watches for, and the start-up split they give. */
class BenchmarkTest {

    @Test
    void optionsChooseTheLengthTheFileAndTheSteps() {
        Options all = Options.parse();
        assertThat(all.quick()).isFalse();
        assertThat(all.repeats()).isEqualTo(3);
        assertThat(all.largeRush()).isEqualTo(10_000);
        assertThat(all.steps()).isEqualTo(EnumSet.allOf(Step.class));
        assertThat(all.out()).isEqualTo(Path.of("benchmark_results.json"));
        assertThat(all.ceilingStudents()).isEqualTo(30_000);
        assertThat(all.ceilingRush()).isEqualTo(10_000);

        Options quick = Options.parse("--quick", "--out", "x.json", "--only", "seeding,large-rush");
        assertThat(quick.repeats()).isEqualTo(1);
        assertThat(quick.largeRush()).isEqualTo(3_000);
        assertThat(quick.serverSeconds()).isEqualTo(10);
        assertThat(quick.out()).isEqualTo(Path.of("x.json"));
        assertThat(quick.steps()).containsExactly(Step.LARGE_RUSH, Step.SEEDING);
        assertThat(quick.ceilingStudents()).isEqualTo(5_000);
        assertThat(quick.ceilingRush()).isEqualTo(2_000);
        assertThat(Options.parse("--only", "ceiling").steps()).containsExactly(Step.CEILING);
        Options tiny = Options.parse("--only", "ceiling", "--ceiling-students", "300, 200");
        assertThat(tiny.ceilingStudents()).isEqualTo(300);
        assertThat(tiny.ceilingRush()).isEqualTo(200);
    }

    @Test
    void badOptionsAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> Options.parse("--only", "headline,warp"))
                .hasMessage("--only takes headline, rush, large-rush, server, seeding, startup, ceiling; was 'warp'");
        assertThatThrownBy(() -> Options.parse("--out")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> Options.parse("--out", "--quick")).hasMessage("--out needs a value");
        assertThatThrownBy(() -> Options.parse("--ceiling-students", "300"))
                .hasMessage("--ceiling-students takes two counts of 1 to 100,000, the journey's and the rush's"
                        + " (e.g. 300,300); was '300'");
        assertThatThrownBy(() -> Options.parse("--ceiling-students", "0,x"))
                .hasMessageEndingWith("was '0,x'");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessage("unknown argument '--fast' (see --help)");
    }

    @Test
    void milestonesAreTakenOnceAndInOrder() {
        Map<Milestone, Instant> reached = new LinkedHashMap<>();
        assertThat(GatlingRun.milestone("Simulation locker.loadtest.simulation.LockerReservationSimulation started...", reached))
                .hasValue(Milestone.SIMULATION_STARTED);
        reached.put(Milestone.SIMULATION_STARTED, Instant.now());
        assertThat(GatlingRun.milestone("User 42: Simulation locker. is not a milestone twice", reached)).isEmpty();
        assertThat(GatlingRun.milestone("12:00:01.000 INFO i.gatling.app.Runner - Simulation "
                + "locker.loadtest.simulation.LockerReservationSimulation completed in 6 seconds", reached))
                .hasValue(Milestone.SIMULATION_COMPLETED);
        assertThat(GatlingRun.milestone("the request completed in time", reached)).isEmpty();
        assertThat(GatlingRun.milestone("seeded run #3: 1000 test users", reached)).hasValue(Milestone.SEEDED);
    }

    @Test
    void thePhasesOfARunAddUpToItsWallTime() {
        Instant start = Instant.parse("2026-11-24T12:00:00Z");
        Map<Milestone, Instant> milestones = new LinkedHashMap<>();
        milestones.put(Milestone.STACK_STARTED, start.plusMillis(5_000));
        milestones.put(Milestone.WARMED_UP, start.plusMillis(10_200));
        milestones.put(Milestone.SEEDED, start.plusMillis(10_700));
        milestones.put(Milestone.SIMULATION_STARTED, start.plusMillis(10_800));
        milestones.put(Milestone.SIMULATION_COMPLETED, start.plusMillis(22_700));
        milestones.put(Milestone.RESTORED, start.plusMillis(23_000));
        milestones.put(Milestone.REPORT_WRITTEN, start.plusMillis(23_800));
        milestones.put(Milestone.EXPORTED, start.plusMillis(24_000));
        GatlingRun.Result run = new GatlingRun.Result(0, Path.of("run.log"), Path.of("run.json"), start,
                start.plusMillis(24_400), start.plusMillis(3_100), milestones, Map.of(), Optional.of(3.4));

        Map<String, Double> phases = Benchmark.phases(run);

        assertThat(phases).containsExactly(Map.entry("build", 3.1), Map.entry("JVM + stack", 1.9),
                Map.entry("warm-up", 5.2), Map.entry("seed", 0.5), Map.entry("run", 12.0),
                Map.entry("invariants + restore", 0.3), Map.entry("report", 0.8), Map.entry("export", 0.2),
                Map.entry("end of Maven", 0.4));
        assertThat(phases.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(24.4,
                org.assertj.core.api.Assertions.within(1e-9));
    }
}
