package locker.testdata;

import locker.config.LoadTestConfig;
import locker.config.SeedPlan;
import locker.contract.SerialId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestUserRosterTest {
    @Test
    void theDefaultPlanGivesStudentIds9900000000To9900000999() {
        List<TestUser> users = TestUserRoster.of(new SeedPlan(1000, LoadTestConfig.DEFAULT_STUDENT_ID_START, 150));
        assertThat(users).hasSize(1000);
        assertThat(users.get(0).studentId()).isEqualTo("9900000000");
        assertThat(users.get(999).studentId()).isEqualTo("9900000999");
        assertThat(users.get(0)).isEqualTo(new TestUser("9900000000", "테스트9900000000", "01000000000",
                SerialId.of("9900000000", "테스트9900000000", "01000000000")));
    }

    @Test
    void theListIsAPureFunctionOfThePlan() {
        SeedPlan plan = new SeedPlan(300, 2024000000L, 0);
        assertThat(TestUserRoster.of(plan)).isEqualTo(TestUserRoster.of(new SeedPlan(300, 2024000000L, 0)));
    }

    @Test
    void everyUserPassesTheDeployedServersLoginValidationAndHasItsOwnSerialId() {
        List<TestUser> users = TestUserRoster.of(new SeedPlan(LoadTestConfig.MAX_TOTAL_USERS,
                LoadTestConfig.LARGEST_STUDENT_ID - LoadTestConfig.MAX_TOTAL_USERS + 1, 0));
        for (TestUser user : users) {
            // the deployed server's rules: student id ^\d{10}$, phone 10..15 bytes of digits, name 2..20 code points
            assertThat(user.studentId()).matches("[0-9]{10}");
            assertThat(user.phoneNumber()).matches("[0-9]{10,15}");
            assertThat(user.name().codePointCount(0, user.name().length())).isBetween(2, 20);
            assertThat(user.serialId()).isEqualTo(SerialId.of(user.studentId(), user.name(), user.phoneNumber()));
        }
        assertThat(users.stream().map(TestUser::serialId).distinct().count()).isEqualTo(users.size());
        assertThat(users.get(users.size() - 1).studentId()).isEqualTo("9999999999");
    }
}
