package locker.loadtest.results;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP status a failed status check names in Gatling's error message, e.g. "status.find.is(201), found 409". */
public final class ErrorStatus {
    private static final Pattern STATUS_CHECK = Pattern.compile("^status\\.find\\..*found (\\d{3})$");

    private ErrorStatus() {}

    /** The status, or null when the message is not a failed status check (a connection error, another check). */
    public static Integer of(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = STATUS_CHECK.matcher(message.trim());
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
