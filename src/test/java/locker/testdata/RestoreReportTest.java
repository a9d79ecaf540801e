package locker.testdata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestoreReportTest {
    @Test
    void anExactRestoreSaysEachTableEqualsItsSnapshot() {
        RestoreReport report = RestoreReport.restored(7, new RemovedRows(1, 2, 3, 4, 5), List.of(
                new TableCheck("users", "serial_id", 3, 3, List.of(), List.of(), List.of()),
                new TableCheck("locker_info", "locker_id", 22, 22, List.of(), List.of(), List.of())), "redis: ok", List.of());
        assertThat(report.exact()).isTrue();
        assertThat(report.summary()).isEqualTo("restored (run #7): users 3 = 3, locker_info 22 = 22");
    }

    @Test
    void aDifferenceIsReportedByKey() {
        RestoreReport report = RestoreReport.restored(7, new RemovedRows(0, 0, 0, 0, 0), List.of(
                new TableCheck("users", "serial_id", 3, 3, List.of(), List.of(), List.of("42"))), null, List.of());
        assertThat(report.exact()).isFalse();
        assertThat(report.status()).isEqualTo(RestoreReport.Status.RESTORED_WITH_DIFFERENCES);
        assertThat(report.summary()).isEqualTo("NOT EXACT (run #7): users 3 ≠ 3");
        assertThat(report.describe()).contains("users: 1 changed (serial_id 42)");
    }

    @Test
    void theJtiIsReadFromAnAccessToken() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"1\",\"jti\":\"abc-123\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(AccessTokens.jti("e30." + payload + ".sig")).contains("abc-123");
        assertThat(AccessTokens.jti("not a token")).isEmpty();
        assertThat(AccessTokens.jti(null)).isEmpty();
    }
}
