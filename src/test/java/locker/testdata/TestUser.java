package locker.testdata;

/** One seeded student, as login-or-register takes it; {@code serialId} is the one the server derives. */
public record TestUser(String studentId, String name, String phoneNumber, long serialId) {

    /**
     * SQL that holds when the student id in {@code column} is a number from the first to the second parameter; an id
     * that is not a number is in no range (the CASE keeps PostgreSQL from casting it, whatever order it evaluates in).
     */
    public static String studentIdBetween(String column) {
        return "(CASE WHEN " + column + " ~ '^[0-9]{1,18}$' THEN " + column + "::bigint END) BETWEEN ? AND ?";
    }
}
