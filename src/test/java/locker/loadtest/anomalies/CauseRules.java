package locker.loadtest.anomalies;

import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which known defect of the deployed server (its races, deployed-service.md §8) fits an anomaly, read off the run's
 * own requests and, when the database was read, the locker's rows. Each rule names the evidence it needs; the first
 * that fits wins; when none fits, the cause is {@link Cause#UNEXPLAINED}. docs/results-and-report.md states the
 * same rules in words.
 */
final class CauseRules {
    static final long HOLD_MILLIS = RedisKeys.HOLD_SECONDS * 1000L;

    /** A cause and the requests it rests on (they join the anomaly's timeline). */
    record Explained(Cause cause, List<RecordedRequest> evidence) {
        static final Explained UNEXPLAINED = new Explained(Cause.UNEXPLAINED, List.of());
    }

    private CauseRules() {}

    /**
     * A confirm or give-up refused after the student's won hold {@code won}. The hold's 60 s may have run out; else
     * the student's row must have been expired (when the database was read), by another student's clean-up (R1), after
     * another student's release deleted the key (R5), or by the sweep (R2).
     */
    static Explained refusedAfterWonHold(RecordedRequest refused, RecordedRequest won, Story story,
                                         LockerState state) {
        if (refused.startMillis() - won.startMillis() >= HOLD_MILLIS) {
            return new Explained(Cause.HOLD_TIME_OVER, List.of(won));
        }
        if (state != null && !state.newestRowOf(refused.student()).map(row -> row.state().equals("expired"))
                .orElse(false)) {
            return Explained.UNEXPLAINED;
        }
        List<RecordedRequest> others = story.onLocker(refused.lockerId()).stream()
                .filter(request -> !Objects.equals(request.student(), refused.student())).toList();
        List<RecordedRequest> cleanUps = others.stream().filter(request -> request.call() == Call.HOLD
                && request.lockerAnswer() == LockerAnswer.ALREADY_HELD
                && request.startMillis() < won.endMillis() && request.endMillis() > won.startMillis()).toList();
        if (!cleanUps.isEmpty()) {
            return new Explained(Cause.R1, cleanUps);
        }
        List<RecordedRequest> keyDeletions = others.stream().filter(request ->
                (request.call() == Call.GIVE_UP || request.call() == Call.RELEASE) && request.status() == 200
                        && request.endMillis() > won.startMillis() && request.startMillis() < refused.startMillis()).toList();
        if (!keyDeletions.isEmpty()) {
            return new Explained(Cause.R5, keyDeletions);
        }
        Optional<RecordedRequest> olderHold = others.stream().filter(request -> request.call() == Call.HOLD
                && request.lockerAnswer() == LockerAnswer.HELD && request.startMillis() < won.startMillis())
                .max(Comparator.comparingLong(RecordedRequest::startMillis));
        if (olderHold.isPresent() && olderHold.get().startMillis() + HOLD_MILLIS < won.endMillis()
                && !endedItsHold(olderHold.get(), won.startMillis(), story)) {
            return new Explained(Cause.R2, List.of(olderHold.get()));
        }
        return Explained.UNEXPLAINED;
    }

    /**
     * A hold the database refused after Redis let it in: the student held another locker still (R9), another student
     * owned this one (R4), or an older hold's key ran out in the middle of this hold (R3).
     */
    static Explained refusedByTheDatabase(RecordedRequest refused, Story story) {
        Optional<RecordedRequest> ownOtherHold = story.ofStudent(refused.student()).stream()
                .filter(request -> request.call() == Call.HOLD && request.lockerAnswer() == LockerAnswer.HELD
                        && request.lockerId() != refused.lockerId() && request.startMillis() < refused.startMillis())
                .max(Comparator.comparingLong(RecordedRequest::startMillis));
        if (ownOtherHold.isPresent() && !endedItsHold(ownOtherHold.get(), refused.startMillis(), story)) {
            return new Explained(Cause.R9, List.of(ownOtherHold.get()));
        }
        List<RecordedRequest> others = story.onLocker(refused.lockerId()).stream()
                .filter(request -> !Objects.equals(request.student(), refused.student())
                        && request.startMillis() < refused.startMillis()).toList();
        Optional<RecordedRequest> owner = others.stream()
                .filter(request -> request.call() == Call.CONFIRM && request.status() == 200)
                .filter(confirm -> !madeBy(confirm, refused.startMillis(), story,
                        request -> request.call() == Call.RELEASE && request.status() == 200))
                .max(Comparator.comparingLong(RecordedRequest::startMillis));
        if (owner.isPresent()) {
            return new Explained(Cause.R4, List.of(owner.get()));
        }
        Optional<RecordedRequest> runningOut = others.stream()
                .filter(request -> request.call() == Call.HOLD && request.lockerAnswer() == LockerAnswer.HELD
                        && request.startMillis() + HOLD_MILLIS <= refused.endMillis()
                        && request.endMillis() + HOLD_MILLIS >= refused.startMillis()
                        && !endedItsHold(request, refused.startMillis(), story))
                .findFirst();
        return runningOut.map(hold -> new Explained(Cause.R3, List.of(hold))).orElse(Explained.UNEXPLAINED);
    }

    /** An answer the load test does not know: a login's 500 beside another login of the same student fits R10. */
    static Explained unexpected(RecordedRequest answer, Story story) {
        if (answer.call() == Call.LOG_IN && answer.status() == 500) {
            List<RecordedRequest> concurrent = story.ofStudent(answer.student()).stream()
                    .filter(request -> request != answer && request.call() == Call.LOG_IN
                            && request.overlaps(answer.startMillis(), answer.endMillis())).toList();
            if (!concurrent.isEmpty()) {
                return new Explained(Cause.R10, concurrent);
            }
        }
        return Explained.UNEXPLAINED;
    }

    /**
     * Whether the student of {@code hold} ended it themselves before {@code before}: confirmed it (the row is then
     * 'confirmed', no longer a keyless 'hold'), gave it up or released it, or was refused after it (the row had gone).
     */
    private static boolean endedItsHold(RecordedRequest hold, long before, Story story) {
        return madeBy(hold, before, story, request ->
                (request.call() == Call.CONFIRM || request.call() == Call.GIVE_UP || request.call() == Call.RELEASE)
                        && (request.status() == 200 || request.lockerAnswer() == LockerAnswer.CONFIRM_REFUSED
                        || request.lockerAnswer() == LockerAnswer.GIVE_UP_REFUSED));
    }

    /** Whether the student of {@code after} sent a request on its locker matching {@code what} after it, before {@code before}. */
    private static boolean madeBy(RecordedRequest after, long before, Story story, Predicate<RecordedRequest> what) {
        return story.ofStudent(after.student()).stream().anyMatch(request -> request.lockerId() == after.lockerId()
                && request.startMillis() > after.startMillis() && request.startMillis() < before && what.test(request));
    }
}
