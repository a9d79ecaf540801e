package locker.loadtest.results;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When a run reached each of its milestones, in epoch milliseconds: the results' {@code timeline}, from which the
 * benchmark splits a run's wall time into phases. The simulation marks its own; the export adds when Gatling's report
 * was written and when the results were assembled.
 */
public final class RunTimeline {
    /** The milestones in the order a run reaches them; a run against BASE_URL has no stack of its own to start. */
    public enum Milestone {
        STACK_STARTED, WARMED_UP, SEEDED, LOAD_STARTED, LOAD_ENDED, RESTORED, REPORT_WRITTEN, EXPORTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<String, Long> moments = new LinkedHashMap<>();

    public synchronized void reached(Milestone milestone) {
        reached(milestone, System.currentTimeMillis());
    }

    public synchronized void reached(Milestone milestone, long epochMillis) {
        moments.putIfAbsent(milestone.key(), epochMillis);
    }

    public synchronized Map<String, Long> moments() {
        return new LinkedHashMap<>(moments);
    }
}
