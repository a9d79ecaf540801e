package locker.report;

import locker.config.LoadTestConfig;
import locker.config.SettingSource;

import java.nio.file.Path;

/** Where results go and how much they hold, from the load test's usual setting sources. */
public record ResultsSettings(Path resultsFile, boolean saveDetailedResults, Path gatlingResultsDirectory) {
    public static ResultsSettings from(SettingSource source) {
        LoadTestConfig config = LoadTestConfig.from(source);
        return new ResultsSettings(Path.of(config.resultsFilename), config.saveDetailedResults,
                Path.of(config.gatlingResultsDir));
    }

    public static ResultsSettings standard() {
        return from(SettingSource.standard());
    }
}
