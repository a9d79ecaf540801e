package locker.loadtest.anomalies;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Optional;

/**
 * What the database and Redis held for one locker after the load, before the restore: its owner in
 * {@code locker_info}, every {@code locker_assignments} row of it (timestamps as the database shows them, without
 * time zone), and its {@code locker:hold:{id}} key.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LockerState(int locker, String ownerStudentId, Long ownerSerialId, List<AssignmentRow> assignments,
                          HoldKey holdKey) {
    public LockerState {
        assignments = List.copyOf(assignments);
    }

    /** One {@code locker_assignments} row, with the student id of its user. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AssignmentRow(long assignmentId, int locker, String studentId, long userSerialId, String state,
                                String createdAt, String holdExpiresAt, String confirmedAt, String releasedAt) {}

    /**
     * The locker's hold key: whether Redis was read, its value (the holder's serial id; null when there is no key) and
     * its time to live in milliseconds (null without a key, -1 for a key without expiry).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HoldKey(String key, boolean read, String value, Long ttlMs) {}

    public Optional<AssignmentRow> newestRowOf(String studentId) {
        return assignments.stream().filter(row -> row.studentId() != null && row.studentId().equals(studentId))
                .reduce((older, newer) -> newer.assignmentId() > older.assignmentId() ? newer : older);
    }
}
