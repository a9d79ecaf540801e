package locker.testsupport.twin;

/** A logged-in student: the tokens and serial id login-or-register answered. */
public record Session(Student student, String accessToken, String refreshToken, long serialId) {}
