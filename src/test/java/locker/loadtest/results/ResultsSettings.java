package locker.loadtest.results;

import locker.config.LoadTestConfig;
import locker.config.SettingSource;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where results go and how much they hold, from the load test's usual setting sources. {@code stepSummary}
 * is the CI job summary file the Markdown summary is appended to: GitHub Actions' {@code GITHUB_STEP_SUMMARY}.
 */
public record ResultsSettings(Path resultsFile, boolean saveDetailedResults, Path gatlingResultsDirectory,
                              Optional<Path> stepSummary) {
    public static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

    public static ResultsSettings standard() {
        LoadTestConfig config = LoadTestConfig.from(SettingSource.standard());
        String stepSummary = System.getenv(STEP_SUMMARY_VARIABLE);
        return new ResultsSettings(Path.of(config.resultsFilename), config.saveDetailedResults,
                Path.of(config.gatlingResultsDir),
                stepSummary == null || stepSummary.isBlank() ? Optional.empty() : Optional.of(Path.of(stepSummary)));
    }
}
