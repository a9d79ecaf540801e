package locker.reference;

/** A logged-in student: the tokens and serial id login-or-register answered. */
record Session(Student student, String accessToken, String refreshToken, long serialId) {}
