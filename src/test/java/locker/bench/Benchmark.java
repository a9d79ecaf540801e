package locker.bench;

import locker.bench.BenchmarkOptions.Step;
import locker.bench.BenchmarkReport.Row;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static locker.bench.BenchmarkRuns.say;

/**
 * {@code scripts/benchmark.sh} ({@link BenchmarkOptions#USAGE}): runs the chosen steps against the embedded
 * reference stack, each giving rows (figure, goal, measured, met), and prints them as one table, also written as
 * {@code benchmark_results.json}.
 */
public final class Benchmark {
    private Benchmark() {}

    public static void main(String[] args) {
        if (CommandLine.asksForHelp(args)) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            throw ExitStatus.BAD_SETTINGS.exit("benchmark: " + e.getMessage());
        }
        Path project = Path.of("").toAbsolutePath();
        BenchmarkRuns runs = new BenchmarkRuns(project, project.resolve("target/benchmark")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))), options);
        BenchmarkReport report = new BenchmarkReport(machine(), options.quick());
        try {
            run(runs).forEach(report::add);
        } catch (NginxStub.Unavailable e) {
            throw ExitStatus.BAD_SETTINGS.exit("benchmark: " + e.getMessage());
        }
        System.out.println();
        System.out.print(report.table());
        report.write(options.out());
        System.out.println("\nwritten: " + options.out().toAbsolutePath() + "; logs: " + runs.logs());
        if (report.rows().stream().anyMatch(Measured::isNoResults)) {
            throw ExitStatus.BENCHMARK_RUN_WITHOUT_RESULTS.exit("benchmark: a run left no results; see its log");
        }
    }

    private static List<Row> run(BenchmarkRuns runs) {
        BenchmarkOptions options = runs.options();
        say("benchmark" + (options.quick() ? " (quick)" : "") + ": " + options.steps().stream()
                .map(step -> CommandLine.optionName(step.name())).collect(Collectors.joining(", ")) + "; logs in " + runs.logs());
        if (options.steps().contains(Step.CEILING)) {
            NginxStub.nginx(runs.logs().resolve(NginxStub.INSTALL_LOG)); // before any run: without nginx, nothing is measured
        }
        LoadRuns load = new LoadRuns(runs);
        return options.steps().stream().flatMap(step -> (switch (step) {
            case HEADLINE -> load.headline();
            case RUSH -> load.rush();
            case LARGE_RUSH -> load.largeRush();
            case SERVER -> new ServerAlone(runs).rows();
            case SEEDING -> SeedingBenchmark.rows();
            case STARTUP -> new StartupSplit(runs).rows();
            case CEILING -> new GeneratorCeiling(runs).rows();
        }).stream()).toList();
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
}
