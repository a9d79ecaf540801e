package locker.loadtest.results.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.TextTable;
import locker.loadtest.results.compare.ResultsFile.Figure;

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

/**
 * Compares the results files of several runs of the same test: per run its throughput, mean, 95th percentile,
 * success rate and scenario outcomes; per figure the min, median, max, spread ((max - min) / median, in %) and
 * the change from the first run to the last; a run whose figure is more than {@code thresholdPercent} off the
 * median is flagged. {@link #main} prints the table and optionally writes it as repeat_summary.json.
 */
public final class RunComparison {
    public static final double DEFAULT_THRESHOLD_PERCENT = 20;

    /** The figures of one kind across the runs, in run order. */
    public record FigureStats(Figure figure, List<Double> values, double min, double median, double max,
                              Double spreadPercent, Double changePercent, List<Integer> flaggedRuns) {}

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
        double median = median(sorted);
        double min = sorted[0];
        double max = sorted[n - 1];
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Double deviation = percentOf(Math.abs(values.get(i) - median), median);
            if (deviation == null || deviation > thresholdPercent) {
                flagged.add(i + 1);
            }
        }
        return new FigureStats(figure, values, min, median, max, percentOf(max - min, median),
                percentOf(values.get(n - 1) - values.get(0), values.get(0)), List.copyOf(flagged));
    }

    /** The middle value, or the mean of the middle two. */
    public static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code part} as a percentage of {@code whole}; 0 when both are 0, null (undefined) when only whole is. */
    private static Double percentOf(double part, double whole) {
        if (whole == 0) {
            return part == 0 ? 0.0 : null;
        }
        return round(part / Math.abs(whole) * 100, 2);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** The table printed on the console: one row per figure, one column per run, then the statistics. */
    public String table() {
        List<String> header = new ArrayList<>(List.of("figure"));
        for (int i = 1; i <= runs.size(); i++) {
            header.add("run " + i);
        }
        header.addAll(List.of("min", "median", "max", "spread", "last/first"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (FigureStats s : stats) {
            List<String> row = new ArrayList<>(List.of(s.figure().label()));
            for (int i = 0; i < s.values().size(); i++) {
                row.add(format(s.figure(), s.values().get(i)) + (s.flaggedRuns().contains(i + 1) ? " *" : ""));
            }
            row.addAll(List.of(format(s.figure(), s.min()), format(s.figure(), s.median()), format(s.figure(), s.max()),
                    percent(s.spreadPercent(), false), percent(s.changePercent(), true)));
            rows.add(row);
        }
        rows.add(passRow("assertions", ResultsFile::assertionsPassed));
        rows.add(passRow("invariants", ResultsFile::invariantsPassed));

        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            out.append("run ").append(i + 1).append(": ").append(runs.get(i).path()).append('\n');
        }
        out.append('\n').append(TextTable.align(rows));
        out.append("\n* more than ").append(format(thresholdPercent)).append(" % off the median");
        long flagged = stats.stream().mapToLong(s -> s.flaggedRuns().size()).sum();
        out.append(flagged == 0 ? " (none)" : " (" + flagged + " flagged)").append('\n');
        return out.toString();
    }

    private List<String> passRow(String name, java.util.function.Function<ResultsFile, Optional<Boolean>> passed) {
        List<String> row = new ArrayList<>(List.of(name));
        runs.forEach(run -> row.add(passed.apply(run).map(ok -> ok ? "passed" : "FAILED").orElse("-")));
        return row;
    }


    private static String format(Figure figure, double value) {
        return switch (figure.name()) {
            case "mean_response_time", "p95_response_time" -> String.format(Locale.ROOT, "%.3f", value);
            case "throughput", "success_rate" -> String.format(Locale.ROOT, "%.2f", value);
            default -> format(value);
        };
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(Double value, boolean signed) {
        if (value == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, signed ? "%+.1f %%" : "%.1f %%", value);
    }

    /** The content of repeat_summary.json. */
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("threshold_percent", thresholdPercent);
        List<Map<String, Object>> runList = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ResultsFile run = runs.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("run", i + 1);
            entry.put("file", run.path().toAbsolutePath().normalize().toString());
            entry.put("report_folder", run.reportFolder().orElse(null));
            entry.put("assertions_passed", run.assertionsPassed().orElse(null));
            entry.put("invariants_passed", run.invariantsPassed().orElse(null));
            Map<String, Object> figures = new LinkedHashMap<>();
            Figure.ALL.forEach(figure -> figures.put(figure.name(), run.figure(figure)));
            entry.put("figures", figures);
            runList.add(entry);
        }
        document.put("runs", runList);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> flagged = new ArrayList<>();
        for (FigureStats s : stats) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", s.figure().key());
            entry.put("values", s.values());
            entry.put("min", s.min());
            entry.put("median", s.median());
            entry.put("max", s.max());
            entry.put("spread_percent", s.spreadPercent());
            entry.put("change_percent", s.changePercent());
            entry.put("flagged_runs", s.flaggedRuns());
            figures.put(s.figure().name(), entry);
            for (int run : s.flaggedRuns()) {
                Map<String, Object> flag = new LinkedHashMap<>();
                flag.put("run", run);
                flag.put("figure", s.figure().name());
                flag.put("value", s.values().get(run - 1));
                flag.put("median", s.median());
                flag.put("deviation_percent", percentOf(Math.abs(s.values().get(run - 1) - s.median()), s.median()));
                flagged.add(flag);
            }
        }
        document.put("figures", figures);
        document.put("flagged", flagged);
        return document;
    }

    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document());
    }

    static final String USAGE = """
            usage: scripts/compare_runs.sh [--threshold PERCENT] [--output FILE] RESULTS.json RESULTS.json [...]
              Compares the results files of two or more runs: per run throughput, mean, 95th percentile,
              success rate and scenario outcomes; per figure min, median, max, spread and the change from
              the first to the last run. A value more than PERCENT off the median is marked with *.
              --threshold PERCENT  flag values more than PERCENT % off the median (default 20)
              --output FILE        also write the comparison as JSON to FILE (e.g. repeat_summary.json)
            """;

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
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "-h", "--help" -> {
                        return new Arguments(true, threshold, null, List.of());
                    }
                    case "--threshold" -> threshold = number(value(args, ++i, arg), arg);
                    case "--output" -> output = Path.of(value(args, ++i, arg));
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

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
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
