package locker.report;

import locker.config.SettingSource;

import java.nio.file.Path;

/** Where results go and how much they hold, from the load test's usual setting sources. */
public record ResultsSettings(Path resultsFile, boolean saveDetailedResults, Path gatlingResultsDirectory) {
    public static final String DEFAULT_RESULTS_FILENAME = "load_test_results.json";
    public static final String DEFAULT_GATLING_RESULTS_DIR = "target/gatling";

    public static ResultsSettings from(SettingSource source) {
        return new ResultsSettings(
                Path.of(source.get("RESULTS_FILENAME").orElse(DEFAULT_RESULTS_FILENAME)),
                Boolean.parseBoolean(source.get("SAVE_DETAILED_RESULTS").orElse("true")),
                Path.of(source.get("GATLING_RESULTS_DIR").orElse(DEFAULT_GATLING_RESULTS_DIR)));
    }

    public static ResultsSettings standard() {
        return from(SettingSource.standard());
    }
}
