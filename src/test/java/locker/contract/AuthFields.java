package locker.contract;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The JSON of the auth routes as clients send and read it (deployed-service.md §5.3-5.5): the login's body, the fields
 * of its answer, and the logout's body.
 */
public final class AuthFields {
    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String SERIAL_ID = "serial_id";

    private AuthFields() {}

    /** {@code POST /auth/login-or-register}'s body: {@code {"student_id":..,"name":..,"phone_number":..}}. */
    public static String loginBody(String studentId, String name, String phoneNumber) {
        return "{\"student_id\":" + quoted(studentId) + ",\"name\":" + quoted(name) + ",\"phone_number\":"
                + quoted(phoneNumber) + "}";
    }

    /** {@code POST /auth/logout}'s body naming the refresh token to end: {@code {"refresh_token":..}}. */
    public static String logoutBody(String refreshToken) {
        return "{\"" + REFRESH_TOKEN + "\":" + quoted(refreshToken) + "}";
    }

    private static String quoted(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
