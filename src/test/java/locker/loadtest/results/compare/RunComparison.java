package locker.loadtest.results.compare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.TextTable;
import locker.loadtest.results.compare.ResultsFile.Figure;
import locker.loadtest.results.compare.ResultsFile.Figure.Format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Compares the results files of several runs of the same test: per run its throughput, mean, 95th percentile,
 * success rate and scenario outcomes; per figure the min, median, max, spread ((max - min) / median, in %) and
 * the change from the first run to the last; a run whose figure is more than {@code thresholdPercent} off the
 * median is flagged. {@link #main} prints the table and optionally writes it as repeat_summary.json.
 */
public final class RunComparison {
    public static final double DEFAULT_THRESHOLD_PERCENT = 20;

    /** The figures of one kind across the runs, in run order; in repeat_summary.json under the figure's name. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder("source")
    public record FigureStats(@JsonIgnore Figure figure, List<Double> values, double min, double median, double max,
                              Double spreadPercent, Double changePercent, List<Integer> flaggedRuns) {
        @JsonProperty("source")
        String source() {
            return figure.key();
        }
    }

    /** repeat_summary.json. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RepeatSummary(double thresholdPercent, List<Run> runs, Map<String, FigureStats> figures,
                         List<Flag> flagged) {
        /** A run: its file and its figures as the file has them. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Run(int run, String file, String reportFolder, Boolean assertionsPassed, Boolean invariantsPassed,
                   Map<String, Double> figures) {}

        /** A run's figure more than the threshold off the median. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record Flag(int run, String figure, double value, double median, Double deviationPercent) {}
    }

    private final List<ResultsFile> runs;
    private final double thresholdPercent;
    private final List<FigureStats> stats;

    public RunComparison(List<ResultsFile> runs, double thresholdPercent) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two results files, got " + runs.size());
        }
        if (!(thresholdPercent > 0)) {
            throw new IllegalArgumentException("the threshold must be a percentage above 0, was " + thresholdPercent);
        }
        this.runs = List.copyOf(runs);
        this.thresholdPercent = thresholdPercent;
        this.stats = Figure.ALL.stream().map(this::statsOf).toList();
    }

    public List<FigureStats> stats() {
        return stats;
    }

    public FigureStats stats(Figure figure) {
        return stats.stream().filter(s -> s.figure().equals(figure)).findFirst().orElseThrow();
    }

    private FigureStats statsOf(Figure figure) {
        List<Double> values = runs.stream().map(run -> run.figure(figure)).toList();
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = Median.of(sorted);
        double min = sorted[0];
        double max = sorted[n - 1];
        List<Integer> flagged = IntStream.rangeClosed(1, n).filter(run -> {
            Double deviation = deviationPercent(values.get(run - 1), median);
            return deviation == null || deviation > thresholdPercent;
        }).boxed().toList();
        return new FigureStats(figure, values, min, median, max, percentOf(max - min, median),
                percentOf(values.get(n - 1) - values.get(0), values.get(0)), flagged);
    }

    private static Double deviationPercent(double value, double median) {
        return percentOf(Math.abs(value - median), median);
    }

    /** {@code part} as a percentage of {@code whole}; 0 when both are 0, null (undefined) when only whole is. */
    private static Double percentOf(double part, double whole) {
        if (whole == 0) {
            return part == 0 ? 0.0 : null;
        }
        return Math.round(part / Math.abs(whole) * 100 * 100) / 100.0; // to two decimals
    }

    /** The table printed on the console: one row per figure, one column per run, then the statistics. */
    public String table() {
        List<String> header = new ArrayList<>(List.of("figure"));
        IntStream.rangeClosed(1, runs.size()).forEach(i -> header.add("run " + i));
        header.addAll(List.of("min", "median", "max", "spread", "last/first"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (FigureStats s : stats) {
            Format format = s.figure().format();
            List<String> row = new ArrayList<>(List.of(s.figure().label()));
            for (int i = 0; i < s.values().size(); i++) {
                row.add(format.text(s.values().get(i)) + (s.flaggedRuns().contains(i + 1) ? " *" : ""));
            }
            row.addAll(List.of(format.text(s.min()), format.text(s.median()), format.text(s.max()),
                    percent(s.spreadPercent(), false), percent(s.changePercent(), true)));
            rows.add(row);
        }
        rows.add(passRow("assertions", RunResults::assertionsHeld));
        rows.add(passRow("invariants", RunResults::invariantsHeld));

        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            out.append("run ").append(i + 1).append(": ").append(runs.get(i).path()).append('\n');
        }
        out.append('\n').append(TextTable.align(rows));
        out.append("\n* more than ").append(Format.WHOLE_OR_ONE_DECIMAL.text(thresholdPercent))
                .append(" % off the median");
        long flagged = stats.stream().mapToLong(s -> s.flaggedRuns().size()).sum();
        out.append(flagged == 0 ? " (none)" : " (" + flagged + " flagged)").append('\n');
        return out.toString();
    }

    private List<String> passRow(String name, Function<RunResults, Optional<Boolean>> held) {
        List<String> row = new ArrayList<>(List.of(name));
        runs.forEach(run -> row.add(held.apply(run.results()).map(ok -> ok ? "passed" : "FAILED").orElse("-")));
        return row;
    }

    private static String percent(Double value, boolean signed) {
        if (value == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, signed ? "%+.1f %%" : "%.1f %%", value);
    }

    RepeatSummary document() {
        List<RepeatSummary.Run> described = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ResultsFile run = runs.get(i);
            Map<String, Double> figures = new LinkedHashMap<>();
            Figure.ALL.forEach(figure -> figures.put(figure.name(), run.figure(figure)));
            described.add(new RepeatSummary.Run(i + 1, run.path().toAbsolutePath().normalize().toString(),
                    run.reportFolder(), run.results().assertionsHeld().orElse(null),
                    run.results().invariantsHeld().orElse(null), figures));
        }
        Map<String, FigureStats> figures = new LinkedHashMap<>();
        List<RepeatSummary.Flag> flagged = new ArrayList<>();
        for (FigureStats s : stats) {
            figures.put(s.figure().name(), s);
            for (int run : s.flaggedRuns()) {
                double value = s.values().get(run - 1);
                flagged.add(new RepeatSummary.Flag(run, s.figure().name(), value, s.median(),
                        deviationPercent(value, s.median())));
            }
        }
        return new RepeatSummary(thresholdPercent, described, figures, flagged);
    }

    public void writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document());
    }

    static final String USAGE = """
            usage: scripts/compare_runs.sh [--threshold PERCENT] [--output FILE] RESULTS.json RESULTS.json [...]
              Compares the results files of two or more runs: per run throughput, mean, 95th percentile,
              success rate and scenario outcomes; per figure min, median, max, spread and the change from
              the first to the last run. A value more than PERCENT off the median is marked with *.
              --threshold PERCENT  flag values more than PERCENT %% off the median (default %d)
              --output FILE        also write the comparison as JSON to FILE (e.g. repeat_summary.json)
            """.formatted((long) DEFAULT_THRESHOLD_PERCENT);

    /**
     * Arguments: [--threshold PERCENT] [--output FILE] files...; exit status {@link ExitStatus#BAD_SETTINGS} on bad
     * arguments or files.
     */
    public static void main(String[] args) throws IOException {
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args));
            if (arguments.help()) {
                System.out.print(USAGE);
                return;
            }
            List<ResultsFile> runs = arguments.files().stream().map(ResultsFile::read).toList();
            RunComparison comparison = new RunComparison(runs, arguments.thresholdPercent());
            System.out.print(comparison.table());
            if (arguments.output() != null) {
                comparison.writeTo(arguments.output());
                System.out.println("comparison written to " + arguments.output());
            }
        } catch (IllegalArgumentException e) {
            ExitStatus.BAD_SETTINGS.exit("compare: " + e.getMessage());
        }
    }

    record Arguments(boolean help, double thresholdPercent, Path output, List<Path> files) {
        static Arguments parse(List<String> args) {
            double threshold = DEFAULT_THRESHOLD_PERCENT;
            Path output = null;
            List<Path> files = new ArrayList<>();
            CommandLine line = new CommandLine(args);
            while (line.hasNext()) {
                String arg = line.next();
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Arguments(true, threshold, null, List.of());
                    }
                    case "--threshold" -> threshold = number(line.valueOf(arg), arg);
                    case "--output" -> output = Path.of(line.valueOf(arg));
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                        }
                        files.add(Path.of(arg));
                    }
                }
            }
            if (files.size() < 2) {
                throw new IllegalArgumentException("give at least two results files, got " + files.size() + "\n" + USAGE);
            }
            return new Arguments(false, threshold, output, files);
        }

        private static double number(String text, String option) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, was '" + text + "'");
            }
        }
    }
}
