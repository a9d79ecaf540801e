package locker.testdata;

/** One seeded student, as login-or-register takes it; {@code serialId} is the one the server derives. */
public record TestUser(String studentId, String name, String phoneNumber, long serialId) {}
