package locker.loadtest.anomalies;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One request of an anomaly's timeline: when it started, relative to the timeline's origin (the anomalous student's
 * hold, or their first request there) and as an instant, who sent it, what it asked and what came back.
 *
 * @param offsetMs   start minus the timeline's origin, in milliseconds (negative before it)
 * @param startEpochMs start in milliseconds since the epoch
 * @param start      the same instant in ISO 8601 (UTC)
 * @param answer     status and body text, e.g. {@code 409 Locker already held by someone}
 * @param anomalous  the anomalous answer itself
 * @param evidence   one of the requests the anomaly's cause rests on
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TimelineEntry(long offsetMs, long startEpochMs, String start, String student, String endpoint,
                            Integer locker, int status, String answer, long responseTimeMs, boolean anomalous,
                            boolean evidence) {
    static TimelineEntry of(RecordedRequest request, long originMillis, RecordedRequest anomalous, boolean evidence) {
        return new TimelineEntry(request.startMillis() - originMillis, request.startMillis(),
                AnomalyFinder.instant(request.startMillis()), request.student(), request.call().requestName(),
                request.lockerId() == 0 ? null : request.lockerId(), request.status(), request.answer(),
                request.responseTimeMillis(), request == anomalous, evidence);
    }
}
