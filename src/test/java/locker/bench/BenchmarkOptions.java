package locker.bench;

import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's command line ({@link #USAGE}).
 *
 * @param ceilingCounts the students of the two ceiling runs when given (--ceiling-students), else empty
 */
record BenchmarkOptions(boolean quick, Path out, Set<Step> steps, List<Integer> ceilingCounts) {

    static final Path DEFAULT_OUT = Path.of("benchmark_results.json");

    /** A full benchmark and a quick one, whose sizes {@link #USAGE} states. */
    private static final BenchmarkOptions FULL = parse();
    private static final BenchmarkOptions QUICK = parse("--quick");

    static final String USAGE = """
            usage: scripts/benchmark.sh [--quick] [--out FILE] [--only STEP,...]

            Measures against the embedded reference stack and prints one table (also written to FILE,
            default %1$s): the original load test's headline run (median of %5$d), the rush of %6$s
            students (median of %5$d) and of %7$s, the reference server alone (GET /lockers and
            hold-confirm-release, %8$d students without pause), seeding and restoring %9$s
            users, where the time of a default ./mvnw gatling:test goes, and what the load generator
            itself costs against a canned nginx stub (%10$s students without pause, and a rush of %11$s).

              --quick        one run each, a rush of %12$s, %13$d s per server figure, %14$s and %15$s
                             students against the stub
              --out FILE     the JSON file (default %1$s)
              --only STEPS   some of: %2$s
              --ceiling-students J,R   students of the ceiling's journey and rush (a short check, not a figure)
            Each run's output is kept in target/benchmark/<date-time>/. A goal not met is a figure, not an
            error: the exit status is %3$d only when a run left no results, %4$d for bad options or when the
            ceiling step cannot have nginx (as root it runs %16$s itself).
            """.formatted(DEFAULT_OUT, CommandLine.optionNames(Step.class), ExitStatus.BENCHMARK_RUN_WITHOUT_RESULTS.code(),
            ExitStatus.BAD_SETTINGS.code(), FULL.repeats(), count(LoadRuns.RUSH_STUDENTS), count(FULL.largeRush()),
            ServerAlone.STUDENTS, SeedingBenchmark.SIZES.stream().map(BenchmarkOptions::count)
                    .collect(Collectors.joining(" and ")), count(FULL.ceilingStudents()), count(FULL.ceilingRush()),
            count(QUICK.largeRush()), QUICK.serverSeconds(), count(QUICK.ceilingStudents()), count(QUICK.ceilingRush()),
            NginxStub.INSTALL_COMMAND);

    /** The parts of the benchmark, as {@code --only} names them. */
    enum Step {
        HEADLINE, RUSH, LARGE_RUSH, SERVER, SEEDING, STARTUP, CEILING
    }

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

    static BenchmarkOptions parse(String... args) {
        boolean quick = false;
        Path out = DEFAULT_OUT;
        Set<Step> steps = EnumSet.allOf(Step.class);
        List<Integer> ceilingCounts = List.of();
        CommandLine line = new CommandLine(args);
        while (line.hasNext()) {
            String arg = line.next();
            switch (arg) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(line.valueOf(arg));
                case "--only" -> steps = CommandLine.someOf(Step.class, arg, line.valueOf(arg));
                case "--ceiling-students" -> ceilingCounts = ceilingCounts(line.valueOf(arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (see --help)");
            }
        }
        return new BenchmarkOptions(quick, out, steps, ceilingCounts);
    }

    private static String count(int students) {
        return BenchmarkReport.number(students, 0);
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
}
