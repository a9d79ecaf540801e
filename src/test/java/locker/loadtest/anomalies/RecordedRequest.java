package locker.loadtest.anomalies;

import locker.contract.LockerAnswer;

/**
 * One answered request as the journal keeps it: its call, when it was sent and answered (epoch milliseconds, Gatling's
 * own timestamps), its status, the student who sent it, the locker it acted on (0: none) and, for a non-2xx answer or
 * "my locker", the body.
 */
public record RecordedRequest(Call call, long startMillis, long endMillis, int status, String student, int lockerId,
                              byte[] body) {
    public long responseTimeMillis() {
        return endMillis - startMillis;
    }

    /** The answer in one line, {@code 409 Locker already held by someone}; a kept 2xx body is left out. */
    public String answer() {
        return LockerAnswer.statusAndText(status, status / 100 == 2 ? null : body);
    }

    /** The {@link LockerAnswer} of a hold, confirm or give-up. */
    public LockerAnswer lockerAnswer() {
        return call.lockerAnswer(status, body);
    }

    /** Whether this request's interval and [{@code from}, {@code to}] share a moment. */
    public boolean overlaps(long from, long to) {
        return startMillis <= to && endMillis >= from;
    }
}
