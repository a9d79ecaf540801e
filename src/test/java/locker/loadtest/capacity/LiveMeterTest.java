package locker.loadtest.capacity;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMeterTest {
    @Test
    void countsAnswersByStartUnansweredOnesAsFailedAndPendingOnesWithTheirWaitSoFar() {
        AtomicLong clock = new AtomicLong(1_000);
        LiveMeter meter = new LiveMeter(clock::get);
        meter.sent(1);
        clock.set(1_100);
        meter.answered(1, 200);             // 100 ms, ok
        meter.sent(2);
        clock.set(1_150);
        meter.answered(2, 409);             // a lost race is an answer
        meter.sent(3);
        clock.set(1_400);
        meter.answered(3, 500);             // 250 ms, failed
        meter.sent(4);                      // never answered: its next request shows it
        clock.set(1_900);
        meter.sent(4);
        clock.set(2_500);                   // still waiting at the judgement: 600 ms so far

        var window = meter.takeWindow(1_000, 2_000);

        assertThat(window).containsExactlyInAnyOrder(
                new TimedRequest(1_000, 100, true), new TimedRequest(1_100, 50, true),
                new TimedRequest(1_150, 250, false), new TimedRequest(1_400, 500, false),
                new TimedRequest(1_900, 600, true));
        assertThat(meter.takeWindow(0, 1_000)).as("older answers are forgotten").isEmpty();
    }
}
