package locker.bench;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.bench.BenchmarkReport.Row;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static locker.bench.BenchmarkReport.number;

/**
 * A run and, when it left a results file, its figures and timeline (null and empty without one).
 */
record Measured(String name, GatlingRun.Result run, RunFigures figures, Map<String, Long> timeline) {
    static final String NO_RESULTS = "no results: ";

    /** The runs that left figures. */
    static List<Measured> completed(List<Measured> runs) {
        return runs.stream().filter(m -> m.figures() != null).toList();
    }

    /** A row's details: each run as {@link RunDetails}. */
    static Map<String, Object> details(List<Measured> runs) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runs", runs.stream().map(RunDetails::new).toList());
        return details;
    }

    /** The row of a figure none of whose runs left results; {@link Benchmark} exits 1 for it. */
    static Row noResults(String figure, String goal, List<Measured> runs, String command) {
        return new Row(figure, goal, NO_RESULTS + each(runs, m -> "exit status " + m.run().exitCode()
                + ", see " + m.run().log()), false, command, details(runs));
    }

    static boolean isNoResults(Row row) {
        return row.measured().startsWith(NO_RESULTS);
    }

    /** "a / b / c": a text of each run. */
    static String each(List<Measured> runs, Function<Measured, String> text) {
        return runs.stream().map(text).collect(Collectors.joining(" / "));
    }

    /** The CPU seconds each process used during the run, those of 0.05 s or more. */
    String cpu() {
        return run.cpuDuringRun().entrySet().stream()
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
}
