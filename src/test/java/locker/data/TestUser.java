package locker.data;

/** TEMPORARY stand-in until the test-data branch is merged. */
public record TestUser(String studentId, String name, String phoneNumber, long serialId) {}
