package locker.loadtest.capacity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When one capacity level ran, as the simulation recorded it: requests started in
 * [{@code startMillis}, {@code endMillis}) belong to it.
 *
 * @param outcomes the journey outcomes counted while the level ran
 * @param liveVerdict the goals the level broke by the simulation's own count at its end (empty: none);
 *                    it decides whether the search goes on, the report's figures come from simulation.log
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LevelWindow(int students, long startMillis, long endMillis, Map<String, Long> outcomes,
                          List<String> liveVerdict) {
    public LevelWindow {
        outcomes = outcomes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        liveVerdict = liveVerdict == null ? List.of() : List.copyOf(liveVerdict);
    }

    public boolean contains(long millis) {
        return millis >= startMillis && millis < endMillis;
    }

    public double seconds() {
        return (endMillis - startMillis) / 1000.0;
    }
}
