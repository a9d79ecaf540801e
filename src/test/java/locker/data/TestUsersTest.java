package locker.data;

import locker.contract.SerialId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestUsersTest {
    @Test
    void theDefaultPlanGivesStudentIds20231000To20231999() {
        List<TestUser> users = TestUsers.of(new SeedPlan(1000, 20231000L, 150));
        assertThat(users).hasSize(1000);
        assertThat(users.get(0).studentId()).isEqualTo("20231000");
        assertThat(users.get(999).studentId()).isEqualTo("20231999");
        assertThat(users.get(0)).isEqualTo(new TestUser("20231000", "테스트20231000", "01000000000",
                SerialId.of("20231000", "테스트20231000", "01000000000")));
    }

    @Test
    void theListIsAPureFunctionOfThePlan() {
        SeedPlan plan = new SeedPlan(300, 2024000000L, 0);
        assertThat(TestUsers.of(plan)).isEqualTo(TestUsers.of(new SeedPlan(300, 2024000000L, 0)));
    }

    @Test
    void everyUserPassesTheContractsLoginValidationAndHasItsOwnSerialId() {
        List<TestUser> users = TestUsers.of(new SeedPlan(100_000, 9_999_900_000L, 0));
        for (TestUser user : users) {
            assertThat(user.studentId()).matches("[0-9]{8,10}");
            assertThat(user.phoneNumber()).matches("[0-9]{10,15}");
            assertThat(user.name().codePointCount(0, user.name().length())).isBetween(2, 20);
            assertThat(user.serialId()).isEqualTo(SerialId.of(user.studentId(), user.name(), user.phoneNumber()));
        }
        assertThat(users.stream().map(TestUser::serialId).distinct().count()).isEqualTo(users.size());
        assertThat(users.get(users.size() - 1).studentId()).isEqualTo("9999999999");
    }
}
