package locker.testdata;

import locker.config.SeedPlan;
import locker.contract.SerialId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The test users of a plan: a pure function of it, so a feeder can be built before any database is seen. */
public final class TestUserRoster {
    static final String NAME_PREFIX = "테스트";
    static final String PHONE_PREFIX = "010";

    private TestUserRoster() {}

    /** User i has student id {@code start + i}, name {@code 테스트<student id>}, phone {@code 010} + i in 8 digits. */
    public static List<TestUser> of(SeedPlan plan) {
        List<TestUser> users = new ArrayList<>(plan.totalUsers());
        for (int i = 0; i < plan.totalUsers(); i++) {
            String studentId = Long.toString(plan.studentIdStart() + i);
            String name = NAME_PREFIX + studentId;
            String phone = PHONE_PREFIX + String.format("%08d", i);
            users.add(new TestUser(studentId, name, phone, SerialId.of(studentId, name, phone)));
        }
        return Collections.unmodifiableList(users);
    }
}
