package locker.loadtest.anomalies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * One anomaly with its evidence: who and which locker, the answer, the server defect that fits ({@link Cause}), the
 * timeline of the requests on that locker (or of the student, when there is no locker) and what the database and Redis
 * held for the lockers involved.
 *
 * @param kind            an {@link AnomalyKind#key()}
 * @param student         the student's test id; null for an invariant
 * @param locker          the locker; null when the request was on none
 * @param endpoint        the anomalous request's name; null for an invariant
 * @param answer          the anomalous answer ({@code 409 hold expired or not found}), or the invariant's detail
 * @param at              when the anomalous request started (ISO 8601, UTC); null for an invariant
 * @param cause           a {@link Cause#key()}
 * @param invariant       the violated invariant's name; null for the other kinds
 * @param timelineOrigin  the instant offsets are measured from (ISO 8601, UTC)
 * @param timelineOmitted requests of the window left out of {@code timeline} to keep it readable
 * @param lockers         the state of each locker involved; empty when the database was not read
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Anomaly(String kind, String summary, String student, Integer locker, String endpoint, String answer,
                      String at, String cause, String causeText, String invariant, String timelineOrigin,
                      List<TimelineEntry> timeline, int timelineOmitted, List<LockerState> lockers) {
    public Anomaly {
        timeline = List.copyOf(timeline);
        lockers = List.copyOf(lockers);
    }

    /** The anomaly in one line: what happened and its cause. */
    public String oneLine() {
        return summary + "; cause " + cause + (cause.equals(Cause.UNEXPLAINED.key()) ? "" : " (" + causeText + ")");
    }
}
