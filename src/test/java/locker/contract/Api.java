package locker.contract;

/** Where the deployed service's routes are: all but {@code GET /} and Swagger's are under {@link #PREFIX}. */
public final class Api {
    public static final String PREFIX = "/api/v1";
    /** The body of a request refused for its access token (or for lacking one). */
    public static final String UNAUTHORIZED_TEXT = "Unauthorized";
    /** The body of a login whose student id is not ten digits. */
    public static final String INVALID_STUDENT_ID_TEXT = "invalid student_id format";

    private Api() {}
}
