package locker.loadtest.contractcheck;

import locker.testdata.TestUser;

/**
 * Who and what the contract check uses: a student who has never logged in ({@code newcomer}), a second student, two
 * free test lockers and the id of a locker that does not exist; all of them the check's own test data.
 */
public record ContractCast(TestUser newcomer, TestUser other, int lockerX, int lockerY, int unknownLocker) {
    /** The cast of a run seeded with these students and {@code testLockers} (at least 2) lockers from {@code firstLocker}. */
    public static ContractCast of(java.util.List<TestUser> students, int firstLocker, int testLockers) {
        return new ContractCast(students.get(0), students.get(1), firstLocker, firstLocker + 1, firstLocker + testLockers);
    }

    /** A path template's {X}, {Y} and {UNKNOWN} filled in. */
    String path(String template) {
        return template.replace("{X}", Integer.toString(lockerX)).replace("{Y}", Integer.toString(lockerY))
                .replace("{UNKNOWN}", Integer.toString(unknownLocker));
    }
}
