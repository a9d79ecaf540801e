package locker.loadtest.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a capacity run's record and the requests Gatling logged into the {@link CapacityResult}: each
 * request belongs to the level during which it started; requests started outside every level (before
 * the first, or after the search ended) are not counted.
 */
public final class CapacityAnalysis {
    private CapacityAnalysis() {}

    public static CapacityResult analyze(CapacityRecord record, List<TimedRequest> requests) {
        List<List<TimedRequest>> byLevel = new ArrayList<>();
        record.levels().forEach(level -> byLevel.add(new ArrayList<>()));
        for (TimedRequest request : requests) {
            for (int i = 0; i < record.levels().size(); i++) {
                if (record.levels().get(i).contains(request.startMillis())) {
                    byLevel.get(i).add(request);
                    break;
                }
            }
        }
        List<LevelFigures> levels = new ArrayList<>();
        int largestStable = 0;
        LevelFigures firstBroken = null;
        for (int i = 0; i < record.levels().size(); i++) {
            LevelWindow window = record.levels().get(i);
            LevelFigures figures = LevelFigures.of(window.students(), window.seconds(), byLevel.get(i),
                    window.outcomes(), record.goals());
            levels.add(figures);
            if (firstBroken == null && figures.metEveryGoal()) {
                largestStable = figures.students();
            } else if (firstBroken == null) {
                firstBroken = figures;
            }
        }
        boolean stoppedEarly = record.stopReason() != null && record.levels().size() < record.plannedLevels().size();
        return new CapacityResult(record.goals(), record.plannedLevels(), levels, largestStable,
                firstBroken == null ? null : firstBroken.students(),
                firstBroken == null ? List.of() : firstBroken.brokenGoals(), stoppedEarly, record.stopReason(),
                largestStable >= record.goals().minStableConcurrency());
    }
}
