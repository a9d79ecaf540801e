package locker.loadtest.results;

import locker.loadtest.results.report.JunitReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bits of Gatling's text the exporter interprets. */
class ReportFormatsTest {
    @Test
    void aFailedStatusCheckNamesTheStatus() {
        assertThat(ErrorStatus.of("status.find.is(201), found 409")).isEqualTo(409);
        assertThat(ErrorStatus.of("status.find.in([200..209], 304), found 503")).isEqualTo(503);
    }

    @Test
    void otherFailuresHaveNoStatus() {
        assertThat(ErrorStatus.of("jmesPath(locker.locker_id).find.is(101), found 102")).isNull();
        assertThat(ErrorStatus.of("j.n.ConnectException: Connection refused")).isNull();
        assertThat(ErrorStatus.of(null)).isNull();
    }

    @Test
    void theReportsDurationReadsAsSeconds() {
        assertThat(ReportHtml.durationSeconds("0s ")).isZero();
        assertThat(ReportHtml.durationSeconds("42s")).isEqualTo(42);
        assertThat(ReportHtml.durationSeconds("2m 5s")).isEqualTo(125);
        assertThat(ReportHtml.durationSeconds("1h 0m 1s")).isEqualTo(3601);
    }

    @Test
    void theReportsStartBecomesJunitsTimestamp() {
        assertThat(JunitReport.isoTimestamp("2026-11-30 16:02:21 GMT")).isEqualTo("2026-11-30T16:02:21");
        assertThat(JunitReport.isoTimestamp("yesterday")).isNull();
    }
}
