package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.bench.Goal.Limit;
import locker.loadtest.generator.ProcReadings;
import locker.twin.stack.EmbeddedStack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static locker.bench.BenchmarkReport.number;
import static locker.bench.BenchmarkRuns.command;
import static locker.bench.BenchmarkRuns.describe;
import static locker.bench.BenchmarkRuns.ordered;
import static locker.bench.BenchmarkRuns.say;
import static locker.bench.Measured.details;
import static locker.bench.Measured.noResults;

/**
 * What the load generator itself costs: the journey and a rush against a canned nginx stub pinned to core
 * {@value #STUB_CORE}, the Gatling JVM pinned to core {@value #GENERATOR_CORE}, no database (the run's test
 * data is off). The stub answers in microseconds, so the load JVM's CPU is the generator's.
 */
final class GeneratorCeiling {
    static final String STUB_CORE = "0";
    static final String GENERATOR_CORE = "1";

    /** What a ceiling run's goal reads: its figures, its cost, and its generator section when it has one. */
    record CeilingRun(RunFigures figures, CeilingFigures cost, Optional<CeilingFigures.Generator> generator) {}

    static final Goal<CeilingRun> JOURNEY_GOAL = Goal.of(
            Limit.atMost("", 0.05, v -> number(v, 2) + " CPU ms per request", r -> r.cost().cpuMillisPerRequest()),
            Limit.none("failed", r -> r.figures().failed()));
    static final Goal<CeilingRun> RUSH_GOAL = Goal.of(
            Limit.that("the run's generator section: not saturated",
                    r -> r.generator().map(g -> !g.saturated()).orElse(false)),
            Limit.none("failed", r -> r.figures().failed()));

    private final BenchmarkRuns runs;

    GeneratorCeiling(BenchmarkRuns runs) {
        this.runs = runs;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (NginxStub stub = NginxStub.start(runs.project(), runs.logs().resolve("ceiling-stub"), STUB_CORE,
                runs.logs().resolve("ceiling-stub.log"))) {
            Map<String, String> target = stubTarget(stub);
            int students = runs.options().ceilingStudents();
            Map<String, String> journey = new LinkedHashMap<>(target);
            journey.putAll(ordered("PROFILE", "batch", "TOTAL_USERS", Integer.toString(students),
                    "CONCURRENT_USERS", "1000", "USER_THINK_TIME_MIN", "0", "USER_THINK_TIME_MAX", "0",
                    "CONFIRMATION_RATE", "1", "BATCH_DELAY", "0", "PER_USER_LOGGING", "off"));
            rows.add(ceilingRow("generator ceiling, journey of " + number(students, 0)
                    + " (1,000 at once, no think time)", "ceiling-journey-" + students, journey, stub, false));
            Map<String, String> floor = new LinkedHashMap<>(journey);
            floor.put("gatling.simulationClass", GatlingFloorSimulation.class.getName());
            rows.add(floorRow("Gatling's floor: the journey's five requests without the project's checks, "
                    + number(students, 0) + " students", "ceiling-floor-" + students, floor, stub));
            int rush = runs.options().ceilingRush();
            Map<String, String> rushSettings = new LinkedHashMap<>(target);
            rushSettings.putAll(ordered("PROFILE", "rush", "TOTAL_USERS", Integer.toString(rush)));
            rows.add(ceilingRow("generator ceiling, rush of " + number(rush, 0), "ceiling-rush-" + rush, rushSettings,
                    stub, true));
        }
        return rows;
    }

    private Row ceilingRow(String figure, String name, Map<String, String> settings, NginxStub stub, boolean rush) {
        Goal<CeilingRun> goal = rush ? RUSH_GOAL : JOURNEY_GOAL;
        String command = ceilingCommand(settings, stub);
        double stubBefore = stubCpuSeconds(stub);
        Measured run = pinned(name, settings);
        double stubSeconds = stubCpuSeconds(stub) - stubBefore;
        if (run.figures() == null) {
            return noResults(figure, goal.text(), List.of(run), command);
        }
        RunFigures f = run.figures();
        Optional<CeilingFigures.Generator> generator = CeilingFigures.Generator.read(run.run().resultsFile());
        Map<String, Object> details = details(List.of(run));
        details.put("stub_cpu_seconds", stubSeconds);
        generator.ifPresent(g -> details.put("generator", g));
        CeilingFigures cost;
        try {
            cost = CeilingFigures.of(f.requests(), run.run().cpuDuringRun());
        } catch (IllegalArgumentException e) {
            return new Row(figure, goal.text(), describe(f) + "; no generator cost: " + e.getMessage(), false, command,
                    details);
        }
        details.put("cost", cost);
        say("  " + generator.map(CeilingFigures.Generator::describe).orElse("no generator section"));
        return new Row(figure, goal.text(), ceilingText(cost, f, generator, rush) + "; stub CPU " + number(stubSeconds, 1)
                + " s", goal.metBy(new CeilingRun(f, cost, generator)), command, details);
    }

    /**
     * What Gatling alone costs per request ({@link GatlingFloorSimulation}): the journey row's figure less this one
     * is what the project's checks and session logic cost. The run writes no results file; its requests are
     * Gatling's own count in the console.
     */
    private Row floorRow(String figure, String name, Map<String, String> settings, NginxStub stub) {
        String goal = "– (under the journey's cost)";
        String command = ceilingCommand(settings, stub);
        Measured run = pinned(name, settings);
        Map<String, Object> details = details(List.of(run));
        try {
            CeilingFigures cost = CeilingFigures.of(CeilingFigures.requestsInLog(run.run().log()),
                    run.run().cpuDuringRun());
            details.put("cost", cost);
            return new Row(figure, goal, perCore(cost) + "; " + number(cost.requests(), 0) + " requests",
                    run.run().exitCode() == 0, command, details);
        } catch (IllegalArgumentException e) {
            return new Row(figure, goal, "no figure: " + e.getMessage() + " (exit status " + run.run().exitCode()
                    + ", see " + run.run().log() + ")", false, command, details);
        }
    }

    private Measured pinned(String name, Map<String, String> settings) {
        return runs.measure(name, settings, Optional.empty(), List.of("taskset", "-c", GENERATOR_CORE));
    }

    /** The measured cell of a ceiling row. */
    static String ceilingText(CeilingFigures cost, RunFigures f, Optional<CeilingFigures.Generator> generator,
                              boolean rush) {
        String perCore = perCore(cost);
        String run = number(f.requests(), 0) + " requests, " + number(f.wallRate(), 0) + " req/s, p95 "
                + number(f.p95(), 3) + " s, " + f.failed() + " failed";
        String verdict = "generator " + generator.map(CeilingFigures.Generator::describe).orElse("section missing");
        return rush ? "p95 " + number(f.p95(), 3) + " s, " + verdict + "; " + run + "; " + perCore
                : perCore + "; " + run + "; " + verdict;
    }

    private static String ceilingCommand(Map<String, String> settings, NginxStub stub) {
        return "scripts/benchmark.sh --only ceiling (nginx -c scripts/ceiling-stub/nginx.conf.template,"
                + " rendered, on core " + STUB_CORE + "); taskset -c " + GENERATOR_CORE + " " + command(settings)
                .replace(stub.baseUrl(), "http://127.0.0.1:<stub port>")
                .replaceAll("-D(DB|REDIS)_PORT=\\d+", "-D$1_PORT=<closed port>");
    }

    private static String perCore(CeilingFigures cost) {
        return number(cost.requestsPerCoreSecond(), 0) + " req/s per generator core, "
                + number(cost.cpuMillisPerRequest(), 3) + " CPU ms per request (" + cost.percentByGroup().entrySet()
                .stream().filter(e -> e.getValue() >= 0.5)
                .map(e -> e.getKey() + " " + number(e.getValue(), 0) + " %").collect(Collectors.joining(", ")) + ")";
    }

    /**
     * BASE_URL of the stub; the database and Redis on closed ports, so the run has no test data (and gives back
     * through the stub what its students took, as any run without its database does).
     */
    private static Map<String, String> stubTarget(NginxStub stub) {
        return ordered("BASE_URL", stub.baseUrl(), "DB_PORT", Integer.toString(EmbeddedStack.freePort()),
                "REDIS_PORT", Integer.toString(EmbeddedStack.freePort()), "RUN_WITHOUT_DATABASE", "true");
    }

    private static double stubCpuSeconds(NginxStub stub) {
        return ProcReadings.available() ? ProcessCpu.read("stub", stub.process(), OptionalInt.empty())
                .values().stream().mapToDouble(Double::doubleValue).sum() : 0;
    }
}
