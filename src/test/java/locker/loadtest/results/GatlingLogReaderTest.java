package locker.loadtest.results;

import io.gatling.charts.stats.RequestRecord;
import io.gatling.charts.stats.ResultsHolder;
import io.gatling.charts.stats.SecondPassParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * GatlingLogReader leans on gatling-charts internals. This breaks, on purpose, as soon as the Gatling on the
 * classpath is not the one those internals were checked against: re-check them, then update the constant.
 */
class GatlingLogReaderTest {
    @Test
    void theClasspathHasTheGatlingVersionTheReaderWasCheckedAgainst() {
        assertThat(GatlingLogReader.classpathGatlingVersion())
                .as("Gatling was upgraded: re-check GatlingLogReader against the new gatling-charts internals")
                .isEqualTo(GatlingLogReader.SUPPORTED_GATLING_VERSION);
    }

    @Test
    void theInternalsTheReaderUsesAreThere() throws ReflectiveOperationException {
        assertThat(SecondPassParser.class.getDeclaredField("resultsHolder").getType()).isEqualTo(ResultsHolder.class);
        assertThatCode(() -> ResultsHolder.class.getMethod("addRequestRecord", RequestRecord.class))
                .as("ResultsHolder.addRequestRecord(RequestRecord)").doesNotThrowAnyException();
    }
}
