package locker.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an answer to a hold or a confirm means, from its status and body text as the deployed server sends them
 * (deployed-service.md §5.9, §5.10, §8). Whether it is a failed request:
 * <ul>
 *   <li>{@link #HELD}, {@link #CONFIRMED}: the request did what it asked; succeeded.</li>
 *   <li>{@link #ALREADY_HELD}: 409 {@value #ALREADY_HELD_TEXT}, another student was first: a lost race is an
 *       answer, not a failure; succeeded.</li>
 *   <li>{@link #HOLD_REFUSED_BY_DB}: 409 {@value #HOLD_FAILED_ON_DB_TEXT}. The locker was free in the list and
 *       Redis let the student in, but the database refused the row: a stale hold row the sweep has not expired
 *       yet (§8 R3), or the database is down; the student sees an error either way. Failed.</li>
 *   <li>{@link #CONFIRM_REFUSED}: 409 {@value #HOLD_EXPIRED_TEXT} or {@value #CONFLICT_TEXT} to a confirm after
 *       the server had answered the hold with 201 (§8 R1, R4, R5): the student was told the locker was theirs
 *       and then loses it. A server defect a student sees, so failed.</li>
 *   <li>{@link #GAVE_UP}: 200 to a release-hold, the student gave the held locker back; succeeded.</li>
 *   <li>{@link #GIVE_UP_REFUSED}: 404 {@value #NO_HOLD_TEXT} to a release-hold after the server had answered the
 *       hold with 201: the server had already expired the hold itself (§8 R1, R2, R5), as it does before the
 *       confirms it refuses. The same defect seen from a student who gives up, so failed.</li>
 *   <li>{@link #UNEXPECTED}: anything else; failed.</li>
 * </ul>
 */
public enum LockerAnswer {
    HELD(true),
    ALREADY_HELD(true),
    HOLD_REFUSED_BY_DB(false),
    CONFIRMED(true),
    CONFIRM_REFUSED(false),
    GAVE_UP(true),
    GIVE_UP_REFUSED(false),
    UNEXPECTED(false);

    public static final String ALREADY_HELD_TEXT = "Locker already held by someone";
    public static final String HOLD_FAILED_ON_DB_TEXT = "Locker hold failed on DB. Deleting Redis key.";
    public static final String HOLD_EXPIRED_TEXT = "hold expired or not found";
    public static final String CONFLICT_TEXT = "Conflict";
    public static final String NO_HOLD_TEXT = "No hold found to release";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean succeeded;

    LockerAnswer(boolean succeeded) {
        this.succeeded = succeeded;
    }

    /** False when the request counts as failed in the results. */
    public boolean succeeded() {
        return succeeded;
    }

    /** The answer to {@code POST /lockers/{id}/hold}. */
    public static LockerAnswer ofHold(int status, byte[] body) {
        if (status == 201) {
            return HELD;
        }
        if (status == 409) {
            String text = text(body);
            if (text.equals(ALREADY_HELD_TEXT)) {
                return ALREADY_HELD;
            }
            if (text.equals(HOLD_FAILED_ON_DB_TEXT)) {
                return HOLD_REFUSED_BY_DB;
            }
        }
        return UNEXPECTED;
    }

    /** The answer to {@code POST /lockers/{id}/confirm}. */
    public static LockerAnswer ofConfirm(int status, byte[] body) {
        if (status == 200) {
            return CONFIRMED;
        }
        if (status == 409) {
            String text = text(body);
            if (text.equals(HOLD_EXPIRED_TEXT) || text.equals(CONFLICT_TEXT)) {
                return CONFIRM_REFUSED;
            }
        }
        return UNEXPECTED;
    }

    /** The answer to {@code POST /lockers/{id}/release-hold}: the student gives the held locker back. */
    public static LockerAnswer ofReleaseHold(int status, byte[] body) {
        if (status == 200) {
            return GAVE_UP;
        }
        return status == 404 && text(body).equals(NO_HOLD_TEXT) ? GIVE_UP_REFUSED : UNEXPECTED;
    }

    /**
     * An answer in one line: its status and body as text, e.g. {@code 409 hold expired or not found} (a failed
     * request's message, an anomaly's answer); white space folded, the text cut at 200 characters.
     */
    public static String statusAndText(int status, byte[] body) {
        String text = text(body).replaceAll("\\s+", " ");
        return status + (text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
    }

    /**
     * The message of an answer: the body as text, as the deployed server sends its errors. The reference server's
     * earlier answers wrapped the same text as {@code {"error": "..."}}; that text is taken out.
     */
    public static String text(byte[] body) {
        return body == null ? "" : text(new String(body, StandardCharsets.UTF_8));
    }

    /** The same for a body already decoded. */
    public static String text(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode error = JSON.readTree(text).get("error");
                if (error != null && error.isTextual() && JSON.readTree(text).size() == 1) {
                    return error.asText();
                }
            } catch (IOException e) {
                // not JSON: the text as it is
            }
        }
        return text;
    }
}
