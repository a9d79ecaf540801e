package locker.loadtest.scenario;

import locker.contract.LockerAnswer;
import locker.loadtest.results.Outcome;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of {@link Outcome}s over a run; safe to update from every virtual user at once. */
public final class Outcomes {
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    public Outcomes() {
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, new LongAdder());
        }
    }

    public void record(Outcome outcome) {
        counts.get(outcome).increment();
    }

    /**
     * Counts what an answer to a hold, a confirm or a give-up means for the student; a lost race is counted when the
     * journey ends, other answers are failed requests, not outcomes.
     */
    public void recordAnswer(LockerAnswer answer) {
        switch (answer) {
            case HELD -> record(Outcome.HOLDS_WON);
            case HOLD_REFUSED_BY_DB -> record(Outcome.HOLD_REFUSED_BY_DB);
            case CONFIRMED -> record(Outcome.CONFIRMED);
            case CONFIRM_REFUSED -> record(Outcome.CONFIRM_REFUSED);
            case GAVE_UP -> record(Outcome.GIVEN_UP);
            case GIVE_UP_REFUSED -> record(Outcome.GIVE_UP_REFUSED);
            default -> { }
        }
    }

    public long count(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    /** Every outcome by its results-file name, in declaration order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach((outcome, count) -> map.put(outcome.key(), count.sum()));
        return map;
    }
}
