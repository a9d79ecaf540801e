package locker.loadtest.anomalies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code anomalies} section of the results: how many of each {@link AnomalyKind} the run saw (every kind named,
 * 0 included), and the first {@code detailedPerKind} of each kind in full ({@link Anomaly}), in the order they
 * happened.
 *
 * @param databaseRead whether the database and Redis were read for the evidence (false: the run had no database)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AnomalyReport(long total, Map<String, Long> counts, int detailedPerKind, boolean databaseRead,
                            List<Anomaly> details) {
    /** How many of each kind are given in full. */
    public static final int DETAILED_PER_KIND = 20;

    public AnomalyReport {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        details = List.copyOf(details);
    }

    public static AnomalyReport none(boolean databaseRead) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(AnomalyKind.values()).forEach(kind -> counts.put(kind.key(), 0L));
        return new AnomalyReport(0, counts, DETAILED_PER_KIND, databaseRead, List.of());
    }

    /**
     * The reports of several load generators' runs as one: every kind's count summed, and the first
     * {@link #DETAILED_PER_KIND} of each kind in full, taken from the reports in their order.
     */
    public static AnomalyReport merge(List<AnomalyReport> reports) {
        Map<String, Long> counts = new LinkedHashMap<>(none(true).counts());
        Map<String, Integer> kept = new LinkedHashMap<>();
        List<Anomaly> details = new java.util.ArrayList<>();
        long total = 0;
        boolean databaseRead = true;
        for (AnomalyReport report : reports) {
            total += report.total();
            databaseRead &= report.databaseRead();
            report.counts().forEach((kind, count) -> counts.merge(kind, count, Long::sum));
            for (Anomaly anomaly : report.details()) {
                if (kept.merge(anomaly.kind(), 1, Integer::sum) <= DETAILED_PER_KIND) {
                    details.add(anomaly);
                }
            }
        }
        return new AnomalyReport(total, counts, DETAILED_PER_KIND, databaseRead, details);
    }

    @JsonIgnore
    public boolean isNone() {
        return total == 0;
    }

    public long count(AnomalyKind kind) {
        return counts.getOrDefault(kind.key(), 0L);
    }

    /** The first anomaly of {@code kind} given in full. */
    public Optional<Anomaly> first(AnomalyKind kind) {
        return details.stream().filter(anomaly -> anomaly.kind().equals(kind.key())).findFirst();
    }
}
