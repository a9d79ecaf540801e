package locker.twin.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application window of deployed-service.md §6: its bounds, its unset END that closes it, and the deployed
 * message dates.
 */
class ApplicationWindowTest {
    private static final OffsetDateTime START = OffsetDateTime.parse("2025-09-18T18:00:00+09:00");
    private static final OffsetDateTime END = OffsetDateTime.parse("2025-09-25T23:59:59+09:00");
    private static final Duration TICK = Duration.ofNanos(1000);

    @Test
    void theDeployedLayoutPrintsTheContractsThreeExamples() {
        assertThat(ApplicationWindow.deployedFormat(START)).isEqualTo("18180-90-18 18:00:00");
        assertThat(ApplicationWindow.deployedFormat(END)).isEqualTo("252559-90-23 23:59:59");
        assertThat(ApplicationWindow.deployedFormat(ApplicationWindow.GO_ZERO_TIME)).isEqualTo("1010-10-00 00:00:00");
    }

    @Test
    void theMessageDateIsTakenAtTheConfiguredOffsetNotInUtc() {
        OffsetDateTime sameInstantInUtc = START.withOffsetSameInstant(java.time.ZoneOffset.UTC);

        assertThat(ApplicationWindow.deployedFormat(sameInstantInUtc)).isEqualTo("18180-90-09 09:00:00");
        assertThat(new ApplicationWindow(START, END).refusal(START.toInstant().minus(TICK)))
                .contains("아직 신청 기간이 아닙니다. 신청 시작: 18180-90-18 18:00:00");
    }

    @Test
    void bothBoundsAreInsideTheWindowAndEverythingOutsideIsRefusedWithItsMessage() {
        ApplicationWindow window = new ApplicationWindow(START, END);

        assertThat(window.refusal(START.toInstant().minus(TICK)))
                .contains("아직 신청 기간이 아닙니다. 신청 시작: 18180-90-18 18:00:00");
        assertThat(window.refusal(START.toInstant())).isEmpty();
        assertThat(window.refusal(END.toInstant())).isEmpty();
        assertThat(window.refusal(END.toInstant().plus(TICK)))
                .contains("신청 기간이 마감되었습니다. 신청 마감: 252559-90-23 23:59:59");
    }

    @Test
    void anUnsetStartHasNoBoundButAnUnsetEndRefusesEveryHold() {
        assertThat(new ApplicationWindow(null, END).refusal(Instant.parse("2000-01-01T00:00:00Z"))).isEmpty();
        assertThat(new ApplicationWindow(START, null).refusal(START.toInstant()))
                .contains("신청 기간이 마감되었습니다. 신청 마감: 1010-10-00 00:00:00");
        assertThat(new ApplicationWindow(null, null).refusal(Instant.now()))
                .contains("신청 기간이 마감되었습니다. 신청 마감: 1010-10-00 00:00:00");
    }

    @Test
    void theDefaultWindowIsOpenNowWithAnEndAtTheDeployedOffset() {
        ReferenceServerSettings defaults = ReferenceServerSettings.defaults();

        assertThat(defaults.applicationWindow().refusal(Instant.now())).isEmpty();
        assertThat(defaults.applicationEnd()).isNotNull();
        assertThat(defaults.applicationEnd().getOffset()).isEqualTo(ReferenceServerSettings.DEPLOYED_WINDOW_OFFSET);
        assertThat(defaults.applicationStart().getOffset()).isEqualTo(ReferenceServerSettings.DEPLOYED_WINDOW_OFFSET);
    }
}
