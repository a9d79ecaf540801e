package locker.bench;

import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static locker.bench.BenchmarkReport.number;

/**
 * How the steps measure: every load run is a real {@code ./mvnw gatling:test}, watched from outside
 * ({@link GatlingRun}), its console and results kept under {@code logs}; and the words the rows use for a run.
 */
record BenchmarkRuns(Path project, Path logs, BenchmarkOptions options) {

    /** The same run {@link BenchmarkOptions#repeats()} times. */
    List<Measured> repeat(String name, Map<String, String> settings) {
        int times = options.repeats();
        List<Measured> runs = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            runs.add(measure(times == 1 ? name : name + "-" + i, settings, Optional.empty(), List.of()));
        }
        return runs;
    }

    Measured measure(String name, Map<String, String> settings) {
        return measure(name, settings, Optional.empty(), List.of());
    }

    /** One run, against {@code server} when given (whose CPU is then read too), under {@code prefix} (taskset). */
    Measured measure(String name, Map<String, String> settings, Optional<GatlingRun.Server> server,
                     List<String> prefix) {
        Map<String, String> shown = new LinkedHashMap<>(settings);
        shown.keySet().removeIf(setting -> setting.startsWith("DB_") || setting.startsWith("REDIS_"));
        say("run " + name + ": " + String.join(" ", prefix) + (prefix.isEmpty() ? "" : " ") + command(shown));
        GatlingRun.Result run = GatlingRun.run(project, prefix, settings, logs.resolve(name + ".json"),
                logs.resolve(name + ".log"), server);
        RunResults results = Files.isRegularFile(run.resultsFile()) ? RunResults.read(run.resultsFile()) : null;
        RunFigures figures = results == null ? null : RunFigures.of(results);
        say("  " + (figures == null ? "no results file (exit status " + run.exitCode() + "; see " + run.log() + ")"
                : describe(figures)) + "; " + number(run.wallTime().toMillis() / 1000.0, 1) + " s in all");
        Map<String, Long> timeline = results == null || results.timeline() == null ? Map.of() : results.timeline();
        return new Measured(name, run, figures, timeline);
    }

    /** A run's figures in one line: requests, rate, times, failures, outcomes, heap. */
    static String describe(RunFigures f) {
        return number(f.requests(), 0) + " requests in " + number(f.wallSeconds(), 2) + " s, " + number(f.wallRate(), 0)
                + " req/s, mean " + number(f.mean(), 3) + " s, p95 " + number(f.p95(), 3) + " s, p99 "
                + number(f.p99(), 3) + " s, " + f.failed() + " failed; confirmed " + f.outcome(Outcome.CONFIRMED)
                + ", given up " + f.outcome(Outcome.GIVEN_UP) + ", lost race " + f.outcome(Outcome.LOST_RACE)
                + ", no locker " + f.outcome(Outcome.NO_LOCKER_AVAILABLE)
                + (f.heapPeakMiB() == null ? "" : "; heap peak " + number(f.heapPeakMiB(), 0) + " MiB");
    }

    static String command(Map<String, String> settings) {
        return "./mvnw gatling:test " + settings.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Ends {@code process}, forcibly when it has not ended within {@code seconds}. */
    static void stop(Process process, int seconds) {
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void say(String line) {
        System.out.println("== " + line);
        System.out.flush();
    }
}
