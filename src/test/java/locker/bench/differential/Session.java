package locker.bench.differential;

/** A student's tokens as one login or refresh gave them on one target. */
record Session(Student student, String accessToken, String refreshToken) {}
