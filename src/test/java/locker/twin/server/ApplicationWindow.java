package locker.twin.server;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When holds are accepted, as the deployed server reads {@code LOCKER_APPLICATION_START} and {@code _END}: no
 * START means no start bound, but no END closes the window for good (the deployed server compares with Go's
 * zero time). Both instants themselves are inside the window.
 *
 * @param start the first instant holds are accepted, at the offset it was configured with; null: no bound
 * @param end   the last instant holds are accepted, at the offset it was configured with; null: closed
 */
record ApplicationWindow(OffsetDateTime start, OffsetDateTime end) {
    /** Go's zero time, which an unset END compares with and prints. */
    static final OffsetDateTime GO_ZERO_TIME = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final String NOT_YET = "아직 신청 기간이 아닙니다. 신청 시작: ";
    static final String CLOSED = "신청 기간이 마감되었습니다. 신청 마감: ";

    /** The 403 message for a hold at {@code now}, empty when the window is open. */
    Optional<String> refusal(Instant now) {
        if (start != null && now.isBefore(start.toInstant())) {
            return Optional.of(NOT_YET + deployedFormat(start));
        }
        OffsetDateTime closing = end == null ? GO_ZERO_TIME : end;
        if (now.isAfter(closing.toInstant())) {
            return Optional.of(CLOSED + deployedFormat(closing));
        }
        return Optional.empty();
    }

    /**
     * The deployed server formats with the layout {@code "2025-10-15 15:04:05"}, which is not Go's reference
     * layout; Go reads it as day, zero-padded day, second, "-", month, the literal "0-", zero-padded hour,
     * " ", zero-padded hour, ":", zero-padded minute, ":", zero-padded second, all at the value's own offset.
     */
    static String deployedFormat(OffsetDateTime t) {
        return String.format("%d%02d%d-%d0-%02d %02d:%02d:%02d", t.getDayOfMonth(), t.getDayOfMonth(), t.getSecond(),
                t.getMonthValue(), t.getHour(), t.getHour(), t.getMinute(), t.getSecond());
    }
}
