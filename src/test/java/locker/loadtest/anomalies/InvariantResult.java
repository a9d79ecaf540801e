package locker.loadtest.anomalies;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * One database invariant checked after a run: {@code violations} rows break it, {@code detail} says which; the first
 * {@value #OFFENDERS_KEPT} offenders' lockers and users (serial ids) are named for the anomaly's evidence.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvariantResult(String name, String description, boolean passed, long violations, String detail,
                              List<Integer> offendingLockers, List<Long> offendingUsers) {
    public static final int OFFENDERS_KEPT = 20;

    public InvariantResult {
        offendingLockers = offendingLockers == null ? List.of() : List.copyOf(offendingLockers);
        offendingUsers = offendingUsers == null ? List.of() : List.copyOf(offendingUsers);
    }

    /** A result that names no offender by locker or user. */
    public InvariantResult(String name, String description, boolean passed, long violations, String detail) {
        this(name, description, passed, violations, detail, List.of(), List.of());
    }
}
