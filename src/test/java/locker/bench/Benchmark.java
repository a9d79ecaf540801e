package locker.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.bench.BenchmarkReport.Row;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.RunTimeline.Milestone;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.compare.Median;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static locker.bench.BenchmarkReport.number;

/**
 * {@code scripts/benchmark.sh}: measures, against the embedded reference stack, what the issue of the
 * benchmarks asks, and prints one table (also written as {@code benchmark_results.json}): the original load
 * test's headline run replayed, the rush of 1,000 and of 10,000 students, the reference server alone, seeding
 * and restoring, where the time of a default {@code ./mvnw gatling:test} goes, and what the load generator
 * itself costs against a canned nginx stub ({@link NginxStub}).
 * Every load run is a real {@code ./mvnw gatling:test}, watched from outside ({@link GatlingRun}).
 */
public final class Benchmark {
    /** The original's headline run: 1,000 users, 300 at once, think 0.1–0.5 s, all confirmed, 22 + 150 lockers. */
    static final Map<String, String> HEADLINE = ordered("PROFILE", "batch", "TOTAL_USERS", "1000",
            "CONCURRENT_USERS", "300", "USER_THINK_TIME_MIN", "0.1", "USER_THINK_TIME_MAX", "0.5",
            "CONFIRMATION_RATE", "1.0", "TEST_LOCKERS_COUNT", "150", "BATCH_DELAY", "0");
    static final double HEADLINE_RATE = 1_768;
    static final double HEADLINE_MEAN = 0.061;
    static final double RUSH_P95 = 0.250;
    static final double LARGE_RUSH_P95 = 2.0;
    static final double HEAP_MIB = 1024;
    // each goal's text is made from the values its check uses
    static final String HEADLINE_GOAL = "≥ " + number(HEADLINE_RATE, 0) + " req/s, mean ≤ " + number(HEADLINE_MEAN, 3)
            + " s, 0 failed";
    static final String RUSH_GOAL = "p95 < " + number(RUSH_P95 * 1000, 0) + " ms";
    static final String LARGE_RUSH_GOAL = "ends by itself, 0 failed, p95 < " + number(LARGE_RUSH_P95, 0) + " s, heap < "
            + number(HEAP_MIB / 1024, 0) + " GiB";
    static final double TOTAL_TIMEOUT_SECONDS = 600;
    static final double SEED_SECONDS_1K = 1;
    static final double SEED_SECONDS_100K = 10;
    static final String SERVER_LOCKERS = "200";
    static final String STUB_CORE = "0";
    static final String GENERATOR_CORE = "1";
    private static final String NO_RESULTS = "no results: ";
    private static final String STARTUP_FIGURE = "start-up split of ./mvnw gatling:test";

    /** The parts of the benchmark, as {@code --only} names them. */
    enum Step {
        HEADLINE, RUSH, LARGE_RUSH, SERVER, SEEDING, STARTUP, CEILING;

        String optionName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The command line. */
    /** {@code ceilingCounts}: the students of the two ceiling runs when given (--ceiling-students), else empty. */
    record Options(boolean quick, Path out, Set<Step> steps, List<Integer> ceilingCounts) {
        int repeats() {
            return quick ? 1 : 3;
        }

        int largeRush() {
            return quick ? 3_000 : 10_000;
        }

        int serverSeconds() {
            return quick ? 10 : 20;
        }

        int ceilingStudents() {
            return ceilingCounts.isEmpty() ? (quick ? 5_000 : 30_000) : ceilingCounts.get(0);
        }

        int ceilingRush() {
            return ceilingCounts.isEmpty() ? (quick ? 2_000 : 10_000) : ceilingCounts.get(1);
        }

        static Options parse(String... args) {
            boolean quick = false;
            Path out = Path.of("benchmark_results.json");
            Set<Step> steps = EnumSet.allOf(Step.class);
            List<Integer> ceilingCounts = List.of();
            CommandLine line = new CommandLine(args);
            while (line.hasNext()) {
                String arg = line.next();
                switch (arg) {
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(line.valueOf(arg));
                    case "--only" -> steps = steps(line.valueOf(arg));
                    case "--ceiling-students" -> ceilingCounts = ceilingCounts(line.valueOf(arg));
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
                }
            }
            return new Options(quick, out, steps, ceilingCounts);
        }

        private static List<Integer> ceilingCounts(String value) {
            String[] parts = value.split(",");
            try {
                if (parts.length == 2) {
                    int journey = Integer.parseInt(parts[0].trim());
                    int rush = Integer.parseInt(parts[1].trim());
                    if (journey >= 1 && rush >= 1 && journey <= 100_000 && rush <= 100_000) {
                        return List.of(journey, rush);
                    }
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("--ceiling-students takes two counts of 1 to 100,000, the journey's"
                    + " and the rush's (e.g. 300,300); was '" + value + "'");
        }

        private static Set<Step> steps(String names) {
            Set<Step> steps = EnumSet.noneOf(Step.class);
            for (String name : names.split(",")) {
                steps.add(Arrays.stream(Step.values()).filter(s -> s.optionName().equals(name.trim())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--only takes " + Arrays.stream(Step.values())
                                .map(Step::optionName).collect(Collectors.joining(", ")) + "; was '" + name + "'")));
            }
            return steps;
        }
    }

    static final String USAGE = """
            usage: scripts/benchmark.sh [--quick] [--out FILE] [--only STEP,...]

            Measures against the embedded reference stack and prints one table (also written to FILE,
            default benchmark_results.json): the original load test's headline run (median of 3), the rush of 1,000
            students (median of 3) and of 10,000, the reference server alone (GET /lockers and
            hold-confirm-release, 200 students without pause), seeding and restoring 1,000 and 100,000
            users, where the time of a default ./mvnw gatling:test goes, and what the load generator
            itself costs against a canned nginx stub (30,000 students without pause, and a rush of 10,000).

              --quick        one run each, a rush of 3,000, 10 s per server figure, 5,000 and 2,000
                             students against the stub
              --out FILE     the JSON file (default benchmark_results.json)
              --only STEPS   some of: headline, rush, large-rush, server, seeding, startup, ceiling
              --ceiling-students J,R   students of the ceiling's journey and rush (a short check, not a figure)
            Each run's output is kept in target/benchmark/<date-time>/. A goal not met is a figure, not an
            error: the exit status is 1 only when a run left no results, 2 for bad options or when the
            ceiling step cannot have nginx (as root it runs apt-get install -y nginx itself).
            """;

    private final Options options;
    private final Path project;
    private final Path logs;
    private final BenchmarkReport report;

    private Benchmark(Options options, Path project) {
        this.options = options;
        this.project = project;
        this.logs = project.resolve("target/benchmark")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        this.report = new BenchmarkReport(machine(), options.quick());
    }

    public static void main(String[] args) {
        if (CommandLine.asksForHelp(args)) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            throw ExitStatus.BAD_SETTINGS.exit("benchmark: " + e.getMessage());
        }
        Benchmark benchmark = new Benchmark(options, Path.of("").toAbsolutePath());
        try {
            benchmark.run();
        } catch (NginxStub.Unavailable e) {
            throw ExitStatus.BAD_SETTINGS.exit("benchmark: " + e.getMessage());
        }
        System.out.println();
        System.out.print(benchmark.report.table());
        benchmark.report.write(options.out());
        System.out.println("\nwritten: " + options.out().toAbsolutePath() + "; logs: " + benchmark.logs);
        if (benchmark.report.rows().stream().anyMatch(row -> row.measured().startsWith(NO_RESULTS))) {
            throw ExitStatus.BENCHMARK_RUN_WITHOUT_RESULTS.exit("benchmark: a run left no results; see its log");
        }
    }

    private void run() {
        say("benchmark" + (options.quick() ? " (quick)" : "") + ": " + options.steps().stream()
                .map(Step::optionName).collect(Collectors.joining(", ")) + "; logs in " + logs);
        if (options.steps().contains(Step.CEILING)) {
            NginxStub.nginx(logs.resolve("nginx-install.log")); // before any run: without nginx, nothing is measured
        }
        for (Step step : options.steps()) {
            List<Row> rows = switch (step) {
                case HEADLINE -> headline();
                case RUSH -> rush();
                case LARGE_RUSH -> largeRush();
                case SERVER -> serverAlone();
                case SEEDING -> seeding();
                case STARTUP -> startup();
                case CEILING -> ceiling();
            };
            rows.forEach(report::add);
        }
    }

    private List<Row> headline() {
        List<Measured> runs = repeat("headline", HEADLINE, options.repeats());
        List<Measured> done = completed(runs);
        if (done.isEmpty()) {
            return List.of(failedRow("original headline replay", HEADLINE_GOAL, runs, command(HEADLINE)));
        }
        double rate = Median.of(each(done, m -> m.figures().wallRate()));
        double mean = Median.of(each(done, m -> m.figures().mean()));
        Measured middle = Median.run(done, m -> m.figures().wallRate());
        boolean noFailures = done.stream().allMatch(m -> m.figures().failed() == 0);
        return List.of(new Row(medianOf("original headline replay", done), HEADLINE_GOAL,
                number(rate, 0) + " req/s (runs " + list(done, m -> number(m.figures().wallRate(), 0)) + "), mean "
                        + number(mean, 3) + " s, p95 " + number(middle.figures().p95(), 3) + " s, "
                        + failedCount(done) + " failed",
                rate >= HEADLINE_RATE && mean <= HEADLINE_MEAN && noFailures, command(HEADLINE), details(runs)));
    }

    private List<Row> rush() {
        Map<String, String> settings = ordered("PROFILE", "rush", "TOTAL_USERS", "1000");
        List<Measured> runs = repeat("rush-1000", settings, options.repeats());
        List<Measured> done = completed(runs);
        if (done.isEmpty()) {
            return List.of(failedRow("rush of 1,000", RUSH_GOAL, runs, command(settings)));
        }
        double p95 = Median.of(each(done, m -> m.figures().p95()));
        Measured middle = Median.run(done, m -> m.figures().p95());
        return List.of(new Row(medianOf("rush of 1,000", done), RUSH_GOAL,
                "p95 " + number(p95, 3) + " s (runs " + list(done, m -> number(m.figures().p95(), 3)) + "), "
                        + describe(middle.figures()),
                p95 < RUSH_P95, command(settings), details(runs)));
    }

    private List<Row> largeRush() {
        int students = options.largeRush();
        Map<String, String> settings = ordered("PROFILE", "rush", "TOTAL_USERS", Integer.toString(students));
        Measured run = measure("rush-" + students, settings, Optional.empty());
        String figure = "rush of " + number(students, 0);
        if (run.figures() == null) {
            return List.of(failedRow(figure, LARGE_RUSH_GOAL, List.of(run), command(settings)));
        }
        RunFigures f = run.figures();
        Double heap = f.heapPeakMiB();
        // every student reached an end of the journey, and the run stopped before TOTAL_TIMEOUT (600 s) would have
        long finished = Stream.of(Outcome.LOST_RACE, Outcome.NO_LOCKER_AVAILABLE, Outcome.CONFIRMED,
                Outcome.CONFIRM_REFUSED, Outcome.GIVEN_UP, Outcome.GIVE_UP_REFUSED).mapToLong(f::outcome).sum();
        boolean endedByItself = finished == students && f.durationSeconds() < TOTAL_TIMEOUT_SECONDS;
        return List.of(new Row(figure, LARGE_RUSH_GOAL, describe(f) + "; " + number(finished, 0) + " of "
                        + number(students, 0) + " students finished in " + number(f.durationSeconds(), 0) + " s",
                endedByItself && f.failed() == 0 && f.p95() < LARGE_RUSH_P95 && heap != null && heap < HEAP_MIB,
                command(settings), details(List.of(run))));
    }

    private List<Row> serverAlone() {
        List<Row> rows = new ArrayList<>();
        int seconds = options.serverSeconds();
        try (ReferenceStackProcess stack = ReferenceStackProcess.start(project, logs.resolve("reference-server.log"))) {
            for (String requests : List.of("list", "cycle")) {
                Map<String, String> settings = new LinkedHashMap<>(stack.clientSettings());
                settings.put("gatling.simulationClass", "locker.loadtest.simulation.ReferenceServerBenchmarkSimulation");
                settings.putAll(ordered("BENCHMARK_REQUESTS", requests, "BENCHMARK_USERS", "200",
                        "BENCHMARK_DURATION", Integer.toString(seconds), "TEST_LOCKERS_COUNT", SERVER_LOCKERS));
                measure("server-" + requests + "-unmeasured", unmeasured(settings), Optional.of(stack.server()));
                Measured run = measure("server-" + requests, settings, Optional.of(stack.server()));
                String figure = "server alone, " + (requests.equals("list") ? "GET /lockers" : "hold → confirm → release");
                String command = "SERVER_WARM_UP=5 scripts/reference-server.sh; ./mvnw gatling:test (once for half the time unmeasured, then measured)"
                        + " -Dgatling.simulationClass=locker.loadtest.simulation.ReferenceServerBenchmarkSimulation"
                        + " -DBENCHMARK_REQUESTS=" + requests + " -DBENCHMARK_DURATION=" + seconds
                        + " -DTEST_LOCKERS_COUNT=" + SERVER_LOCKERS + " -DBASE_URL=… -DDB_…=… -DREDIS_…=…";
                if (run.figures() == null) {
                    rows.add(failedRow(figure, "–", List.of(run), command));
                    continue;
                }
                RunFigures f = run.figures();
                rows.add(new Row(figure, "– (the ceiling)", number(f.wallRate(), 0) + " req/s, p95 "
                        + number(f.p95(), 3) + " s, " + f.failed() + " failed; CPU s: " + cpu(run), null,
                        command, details(List.of(run))));
            }
        }
        return rows;
    }

    private List<Row> seeding() {
        List<Row> rows = new ArrayList<>();
        say("seeding and restoring " + SeedingBenchmark.SIZES + " users");
        List<SeedingBenchmark.Timing> timings = SeedingBenchmark.measure(SeedingBenchmark.SIZES);
        for (int users : SeedingBenchmark.SIZES) {
            List<SeedingBenchmark.Timing> ofSize = timings.stream().filter(t -> t.users() == users).toList();
            double seed = ofSize.stream().mapToDouble(SeedingBenchmark.Timing::seedSeconds).max().orElseThrow();
            double restore = ofSize.stream().mapToDouble(SeedingBenchmark.Timing::restoreSeconds).max().orElseThrow();
            double goal = users <= 1_000 ? SEED_SECONDS_1K : SEED_SECONDS_100K;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("attempts", ofSize);
            rows.add(new Row("seed / restore " + number(users, 0) + " users + 150 lockers",
                    "< " + number(goal, 0) + " s each", "seed " + number(seed, 3) + " s, restore " + number(restore, 3)
                            + " s (slower of " + ofSize.size() + ")",
                    seed < goal && restore < goal, "scripts/benchmark-seeding.sh", details));
        }
        return rows;
    }

    private List<Row> startup() {
        Measured run = measure("default", Map.of(), Optional.empty());
        if (run.figures() == null) {
            return List.of(failedRow(STARTUP_FIGURE, "–", List.of(run), "./mvnw gatling:test"));
        }
        Map<String, Double> phases = phases(run.run(), run.timeline());
        String split = phases.entrySet().stream()
                .map(e -> e.getKey() + " " + number(e.getValue(), 1))
                .collect(Collectors.joining(", "));
        Map<String, Object> details = details(List.of(run));
        details.put("phases_seconds", phases);
        Optional<Double> stack = run.run().stackStartSeconds();
        stack.ifPresent(seconds -> details.put("stack_start_seconds", seconds));
        return List.of(new Row(STARTUP_FIGURE, "–",
                number(run.run().wallTime().toMillis() / 1000.0, 1) + " s: " + split
                        + stack.map(s -> "; of the JVM + stack, the stack (PostgreSQL, Redis, server) " + number(s, 1) + " s")
                        .orElse(""),
                null, "./mvnw gatling:test", details));
    }

    /**
     * What the load generator itself costs: the journey and a rush against a canned nginx stub pinned to core
     * {@value #STUB_CORE}, the Gatling JVM pinned to core {@value #GENERATOR_CORE}, no database (the run's test
     * data is off). The stub answers in microseconds, so the load JVM's CPU is the generator's.
     */
    private List<Row> ceiling() {
        List<Row> rows = new ArrayList<>();
        try (NginxStub stub = NginxStub.start(project, logs.resolve("ceiling-stub"), STUB_CORE,
                logs.resolve("ceiling-stub.log"))) {
            Map<String, String> target = stubTarget(stub);
            int students = options.ceilingStudents();
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
            int rush = options.ceilingRush();
            Map<String, String> rushSettings = new LinkedHashMap<>(target);
            rushSettings.putAll(ordered("PROFILE", "rush", "TOTAL_USERS", Integer.toString(rush)));
            rows.add(ceilingRow("generator ceiling, rush of " + number(rush, 0), "ceiling-rush-" + rush, rushSettings,
                    stub, true));
        }
        return rows;
    }

    private Row ceilingRow(String figure, String name, Map<String, String> settings, NginxStub stub, boolean rush) {
        String goal = rush ? "the run's generator section: not saturated" : "≤ " + CeilingFigures.GOAL_CPU_MILLIS_PER_REQUEST
                + " CPU ms per request";
        String command = ceilingCommand(settings, stub);
        double stubBefore = stubCpuSeconds(stub);
        Measured run = measure(name, settings, Optional.empty(), List.of("taskset", "-c", GENERATOR_CORE));
        double stubSeconds = stubCpuSeconds(stub) - stubBefore;
        if (run.figures() == null) {
            return failedRow(figure, goal, List.of(run), command);
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
            return new Row(figure, goal, describe(f) + "; no generator cost: " + e.getMessage(), false, command,
                    details);
        }
        details.put("cost", cost);
        String verdict = generator.map(CeilingFigures.Generator::describe).orElse("no generator section");
        String measured = ceilingText(cost, f, generator, rush) + "; stub CPU " + number(stubSeconds, 1) + " s";
        boolean met = f.failed() == 0 && (rush ? generator.map(g -> !g.saturated()).orElse(false) : cost.meetsGoal());
        say("  " + verdict);
        return new Row(figure, goal, measured, met, command, details);
    }

    /**
     * What Gatling alone costs per request ({@link GatlingFloorSimulation}): the journey row's figure less this one
     * is what the project's checks and session logic cost. The run writes no results file; its requests are
     * Gatling's own count in the console.
     */
    private Row floorRow(String figure, String name, Map<String, String> settings, NginxStub stub) {
        String goal = "– (under the journey's cost)";
        String command = ceilingCommand(settings, stub);
        Measured run = measure(name, settings, Optional.empty(), List.of("taskset", "-c", GENERATOR_CORE));
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
        try {
            return ordered("BASE_URL", stub.baseUrl(), "DB_PORT", Integer.toString(NginxStub.freePort()),
                    "REDIS_PORT", Integer.toString(NginxStub.freePort()), "RUN_WITHOUT_DATABASE", "true");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double stubCpuSeconds(NginxStub stub) {
        return ProcessCpu.available() ? ProcessCpu.read("stub", stub.process(), java.util.OptionalInt.empty())
                .values().stream().mapToDouble(Double::doubleValue).sum() : 0;
    }

    /** The phases after the build, each named with the milestone of the results' timeline that ends it. */
    private static final Map<String, Milestone> PHASE_ENDS = phaseEnds();

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

    /** A run and, when it left a results file, its figures and timeline (empty without one). */
    record Measured(String name, GatlingRun.Result run, RunFigures figures, Map<String, Long> timeline) {}

    private List<Measured> repeat(String name, Map<String, String> settings, int times) {
        List<Measured> runs = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            runs.add(measure(times == 1 ? name : name + "-" + i, settings, Optional.empty()));
        }
        return runs;
    }

    /** The same run, shorter: a first round whose figures are not kept, so that the server is measured warm. */
    private Map<String, String> unmeasured(Map<String, String> settings) {
        Map<String, String> shorter = new LinkedHashMap<>(settings);
        shorter.put("BENCHMARK_DURATION", Integer.toString(options.serverSeconds() / 2));
        return shorter;
    }

    private Measured measure(String name, Map<String, String> settings, Optional<GatlingRun.Server> server) {
        return measure(name, settings, server, List.of());
    }

    private Measured measure(String name, Map<String, String> settings, Optional<GatlingRun.Server> server,
                             List<String> prefix) {
        say("run " + name + ": " + String.join(" ", prefix) + (prefix.isEmpty() ? "" : " ") + "./mvnw gatling:test " + settings.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("DB_") && !e.getKey().startsWith("REDIS_"))
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        GatlingRun.Result run = GatlingRun.run(project, prefix, settings, logs.resolve(name + ".json"),
                logs.resolve(name + ".log"), server);
        RunResults results = RunFigures.exists(run.resultsFile()) ? RunResults.read(run.resultsFile()) : null;
        RunFigures figures = results == null ? null : RunFigures.of(results);
        say("  " + (figures == null ? "no results file (exit status " + run.exitCode() + "; see " + run.log() + ")"
                : describe(figures)) + "; " + number(run.wallTime().toMillis() / 1000.0, 1) + " s in all");
        Map<String, Long> timeline = results == null || results.timeline() == null ? Map.of() : results.timeline();
        return new Measured(name, run, figures, timeline);
    }

    private static String describe(RunFigures f) {
        return number(f.requests(), 0) + " requests in " + number(f.wallSeconds(), 2) + " s, " + number(f.wallRate(), 0)
                + " req/s, mean " + number(f.mean(), 3) + " s, p95 " + number(f.p95(), 3) + " s, p99 "
                + number(f.p99(), 3) + " s, " + f.failed() + " failed; confirmed " + f.outcome(Outcome.CONFIRMED)
                + ", given up " + f.outcome(Outcome.GIVEN_UP) + ", lost race " + f.outcome(Outcome.LOST_RACE)
                + ", no locker " + f.outcome(Outcome.NO_LOCKER_AVAILABLE)
                + (f.heapPeakMiB() == null ? "" : "; heap peak " + number(f.heapPeakMiB(), 0) + " MiB");
    }

    private static String cpu(Measured run) {
        return run.run().cpuDuringRun().entrySet().stream()
                .filter(e -> e.getValue() >= 0.05)
                .map(e -> e.getKey() + " " + number(e.getValue(), 1))
                .collect(Collectors.joining(", "));
    }

    /** A run as a row's details describe it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunDetails(String name, int exitStatus, String log, String resultsFile, double wallSeconds,
                      RunFigures figures, Map<String, Double> cpuSecondsDuringRun) {
        RunDetails(Measured m) {
            this(m.name(), m.run().exitCode(), m.run().log().toString(), m.run().resultsFile().toString(),
                    m.run().wallTime().toMillis() / 1000.0, m.figures(), m.run().cpuDuringRun());
        }
    }

    private static Map<String, Object> details(List<Measured> runs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runs", runs.stream().map(RunDetails::new).toList());
        return details;
    }

    private static Row failedRow(String figure, String goal, List<Measured> runs, String command) {
        return new Row(figure, goal, NO_RESULTS + list(runs, m -> "exit status " + m.run().exitCode()
                + ", see " + m.run().log()), false, command, details(runs));
    }

    private static List<Measured> completed(List<Measured> runs) {
        return runs.stream().filter(m -> m.figures() != null).toList();
    }

    private static double[] each(List<Measured> runs, ToDoubleFunction<Measured> figure) {
        return runs.stream().mapToDouble(figure).toArray();
    }

    private static String medianOf(String figure, List<Measured> runs) {
        return runs.size() == 1 ? figure : figure + " (median of " + runs.size() + ")";
    }

    private static String failedCount(List<Measured> runs) {
        return number(runs.stream().mapToLong(m -> m.figures().failed()).sum(), 0);
    }

    private static <T> String list(List<T> items, java.util.function.Function<T, String> text) {
        return items.stream().map(text).collect(Collectors.joining(" / "));
    }

    private static String command(Map<String, String> settings) {
        return "./mvnw gatling:test " + settings.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memory_gib", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        }
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("date", Instant.now().toString());
        return machine;
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void say(String line) {
        System.out.println("== " + line);
        System.out.flush();
    }
}
