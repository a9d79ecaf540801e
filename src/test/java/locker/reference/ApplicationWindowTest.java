package locker.reference;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The application window of {@link ReferenceServerSettings}: both bounds inclusive, each optional. */
class ApplicationWindowTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-06T00:00:00Z");
    private static final Duration TICK = Duration.ofMillis(1);

    @Test
    void aWindowWithBothBoundsIncludesThemAndNothingOutside() {
        ReferenceServerSettings settings = ReferenceServerSettings.defaults().withApplicationWindow(START, END);

        assertThat(settings.isWithinApplicationWindow(START.minus(TICK))).isFalse();
        assertThat(settings.isWithinApplicationWindow(START)).isTrue();
        assertThat(settings.isWithinApplicationWindow(END)).isTrue();
        assertThat(settings.isWithinApplicationWindow(END.plus(TICK))).isFalse();
    }

    @Test
    void aMissingBoundLeavesThatSideOpen() {
        ReferenceServerSettings fromStart = ReferenceServerSettings.defaults().withApplicationWindow(START, null);
        ReferenceServerSettings untilEnd = ReferenceServerSettings.defaults().withApplicationWindow(null, END);

        assertThat(fromStart.isWithinApplicationWindow(START.minus(TICK))).isFalse();
        assertThat(fromStart.isWithinApplicationWindow(END.plus(Duration.ofDays(365)))).isTrue();
        assertThat(untilEnd.isWithinApplicationWindow(START.minus(Duration.ofDays(365)))).isTrue();
        assertThat(untilEnd.isWithinApplicationWindow(END.plus(TICK))).isFalse();
        assertThat(ReferenceServerSettings.defaults().isWithinApplicationWindow(Instant.now())).isTrue();
    }
}
