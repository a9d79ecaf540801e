package locker.data;

import locker.contract.SerialId;

import java.util.ArrayList;
import java.util.List;

/** TEMPORARY stand-in until the test-data branch is merged. */
public final class TestUsers {
    private TestUsers() {}

    public static List<TestUser> of(SeedPlan plan) {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < plan.totalUsers(); i++) {
            String sid = Long.toString(plan.studentIdStart() + i);
            String name = "Student" + i;
            String phone = String.format("010%08d", i);
            users.add(new TestUser(sid, name, phone, SerialId.of(sid, name, phone)));
        }
        return users;
    }
}
