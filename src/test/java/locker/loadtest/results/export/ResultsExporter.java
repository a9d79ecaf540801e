package locker.loadtest.results.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import locker.loadtest.results.GatlingLogReader;
import locker.loadtest.results.ReportHtml;
import locker.loadtest.results.ResponseStatuses;
import locker.loadtest.results.ResultsDocument;
import locker.loadtest.results.ResultsSettings;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.report.ConsoleSummary;
import locker.loadtest.results.report.JunitReport;
import locker.loadtest.results.report.LockerRushSection;
import locker.loadtest.results.report.MarkdownSummary;

import locker.loadtest.capacity.CapacityAnalysis;
import locker.loadtest.capacity.CapacityRecord;
import locker.loadtest.capacity.CapacityReport;
import locker.loadtest.capacity.CapacityResult;
import locker.loadtest.capacity.TimedRequest;
import locker.loadtest.generator.GeneratorReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one run's report folder (index.html, simulation.log, run-context.json, response-statuses.tsv) into
 * the results JSON and the console summary. The JSON goes to {@code RESULTS_FILENAME} and, as a per-run
 * copy, into the folder; the folder also gets the JUnit XML report, the Markdown summary (appended to
 * {@code $GITHUB_STEP_SUMMARY} when that is set) and the "Locker rush" section of index.html.
 */
public final class ResultsExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ResultsSettings settings;

    public ResultsExporter(ResultsSettings settings) {
        this.settings = settings;
    }

    public record Export(Map<String, Object> document, String console, List<Path> files, boolean invariantsViolated) {}

    /** Exports, prints the console summary to stdout and returns what was done. */
    public Export export(Path runDirectory) {
        ReportHtml.Tables tables = ReportHtml.read(runDirectory);
        RunContext context = RunContext.readFrom(runDirectory);
        GatlingLogReader log = new GatlingLogReader(runDirectory);
        List<GatlingLogReader.RequestEntry> requests = log.requests();
        Map<String, Object> document = ResultsDocument.build(runDirectory, tables, context, log.assertions(),
                settings.saveDetailedResults() ? requests : null, ResponseStatuses.readFrom(runDirectory));
        String capacityAndGenerator = addCapacityAndGeneratorSections(document, runDirectory, requests);
        List<Path> files = outputFiles(runDirectory);
        files.forEach(file -> write(file, document));
        LockerRushSection.addTo(runDirectory, document, context);
        Path junit = writeText(runDirectory.resolve(JunitReport.FILE_NAME), JunitReport.render(document));
        String markdown = MarkdownSummary.render(document, context.invariantsViolated());
        Path summary = writeText(runDirectory.resolve(MarkdownSummary.FILE_NAME), markdown);
        settings.stepSummary().ifPresent(stepSummary -> appendStepSummary(stepSummary, markdown));
        String console = ConsoleSummary.render(tables, context, requests, runDirectory.resolve(ReportHtml.INDEX), files,
                List.of(junit, summary)) + capacityAndGenerator;
        System.out.print(console);
        System.out.flush();
        return new Export(document, console, files, context.invariantsViolated());
    }

    /** The capacity search's and the load generator's sections, when the run left them; returns their console text. */
    static String addCapacityAndGeneratorSections(Map<String, Object> document, Path runDirectory,
                                                  List<GatlingLogReader.RequestEntry> requests) {
        StringBuilder console = new StringBuilder();
        CapacityRecord.readFrom(runDirectory).ifPresent(record -> {
            CapacityResult result = CapacityAnalysis.analyze(record, requests.stream()
                    .map(request -> new TimedRequest(request.startMillis(), request.responseTimeMillis(), request.ok()))
                    .toList());
            document.put("capacity", result);
            console.append(CapacityReport.console(result));
        });
        GeneratorReport.readFrom(runDirectory).ifPresent(generator -> {
            document.put("generator", generator);
            generator.warning().ifPresent(warning -> console.append(warning).append('\n'));
        });
        return console.toString();
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

    private static void write(Path file, Map<String, Object> document) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            JSON.writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code scripts/summarize.sh}: re-exports a past run folder; exit status 3 when an invariant was violated. */
    public static void main(String[] args) {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]).resolve(ReportHtml.INDEX))) {
            System.err.println("usage: summarize.sh target/gatling/<run folder with index.html>");
            System.exit(2);
        }
        Export export = new ResultsExporter(ResultsSettings.standard()).export(Path.of(args[0]));
        System.exit(export.invariantsViolated() ? ExportAtExit.INVARIANT_VIOLATED_EXIT_CODE : 0);
    }
}
