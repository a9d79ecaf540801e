package locker.loadtest.results.export;

import locker.loadtest.capacity.CapacityAnalysis;
import locker.loadtest.capacity.CapacityRecord;
import locker.loadtest.capacity.CapacityReport;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.capacity.TimedRequest;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.results.ExitStatus;
import locker.loadtest.results.GatlingLogReader;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.ResponseStatuses;
import locker.loadtest.results.ResultsDocument;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.RunResults;
import locker.loadtest.results.report.ConsoleSummary;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.results.report.LockerRushSection;
import locker.loadtest.results.report.MarkdownSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one run's report folder (index.html, simulation.log, run-context.json, response-statuses.tsv) into
 * the results JSON and the console summary. The JSON goes to {@code RESULTS_FILENAME} and, as a per-run
 * copy, into the folder; the folder also gets the JUnit XML report, the Markdown summary (appended to
 * {@code $GITHUB_STEP_SUMMARY} when that is set) and the "Locker rush" section of index.html.
 */
public final class ResultsExporter {
    private final ResultsSettings settings;

    public ResultsExporter(ResultsSettings settings) {
        this.settings = settings;
    }

    /** Exports, prints the console summary to stdout and returns the results. */
    public RunResults export(Path runDirectory) {
        ReportHtml.Tables tables = ReportHtml.read(runDirectory);
        RunContext context = RunContext.readFrom(runDirectory);
        GatlingLogReader log = new GatlingLogReader(runDirectory);
        List<GatlingLogReader.RequestEntry> requests = log.requests();
        Optional<CapacityResult> capacity = CapacityRecord.readFrom(runDirectory).map(record -> CapacityAnalysis.analyze(
                record, requests.stream()
                        .map(request -> new TimedRequest(request.startMillis(), request.responseTimeMillis(), request.ok()))
                        .toList()));
        Optional<GeneratorReport> generator = GeneratorReport.readFrom(runDirectory);
        RunResults results = ResultsDocument.build(runDirectory, tables, context, log.assertions(),
                requests, settings.saveDetailedResults(), ResponseStatuses.readFrom(runDirectory),
                capacity.orElse(null), generator.orElse(null));
        // kept, so that exporting the folder again gives the same document
        context.withTimeline(results.timeline()).writeTo(runDirectory);
        List<Path> files = outputFiles(runDirectory);
        files.forEach(results::writeTo);
        LockerRushSection.addTo(runDirectory, results);
        Path junit = writeText(runDirectory.resolve(JunitReport.FILE_NAME), JunitReport.render(results));
        String markdown = MarkdownSummary.render(results);
        Path summary = writeText(runDirectory.resolve(MarkdownSummary.FILE_NAME), markdown);
        settings.stepSummary().ifPresent(stepSummary -> appendStepSummary(stepSummary, markdown));
        StringBuilder console = new StringBuilder(ConsoleSummary.render(results, requests,
                runDirectory.resolve(ReportHtml.INDEX), files, List.of(junit, summary)));
        capacity.ifPresent(result -> console.append(CapacityReport.console(result)));
        generator.flatMap(GeneratorReport::warning).ifPresent(warning -> console.append(warning).append('\n'));
        System.out.print(console);
        System.out.flush();
        return results;
    }

    private List<Path> outputFiles(Path runDirectory) {
        List<Path> files = new ArrayList<>();
        files.add(settings.resultsFile());
        Path copy = runDirectory.resolve(settings.resultsFile().getFileName());
        if (!copy.toAbsolutePath().normalize().equals(settings.resultsFile().toAbsolutePath().normalize())) {
            files.add(copy);
        }
        return files;
    }

    private static Path writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // A CI job summary is a nicety: failing to write it does not fail the run.
    private static void appendStepSummary(Path stepSummary, String markdown) {
        try {
            Files.writeString(stepSummary, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[results] cannot append the summary to " + stepSummary + ": " + e.getMessage());
        }
    }

    /** {@code scripts/summarize.sh}: re-exports a past run folder; exit status 3 when an invariant was violated. */
    public static void main(String[] args) {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]).resolve(ReportHtml.INDEX))) {
            throw ExitStatus.BAD_SETTINGS.exit("usage: summarize.sh target/gatling/<run folder with index.html>");
        }
        RunResults results = new ResultsExporter(ResultsSettings.standard()).export(Path.of(args[0]));
        System.exit(results.invariantsViolated() ? ExitStatus.INVARIANT_VIOLATED.code() : 0);
    }
}
