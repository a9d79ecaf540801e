package locker.loadtest.simulation;

import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RunPlanTest {
    private static LoadTestConfig config(Map<String, String> settings) {
        return LoadTestConfig.from(new SettingSource(settings::get, Map.of(), new Properties()));
    }

    @Test
    void withoutBaseUrlThePlanNamesTheEmbeddedStackUsersAndProfile() {
        String plan = RunPlan.describe(config(Map.of("TOTAL_USERS", "200", "CONCURRENT_USERS", "25")),
                "locker.loadtest.simulation.LockerReservationSimulation");

        assertThat(plan).contains("target:       embedded reference stack",
                "users:        200 (student ids 9900000000 to 9900000199)",
                "profile:      batch (at most 25 at once, 0.1 s before each next student)",
                "assertions:   mean < 1 s, 95th < 3 s, success > 95 %, throughput > 100 req/s",
                "results file: load_test_results.json");
        assertThat(plan).doesNotContain("database:");
    }

    @Test
    void aRealServersPlanNamesItsDatabaseButNeverThePassword() {
        String plan = RunPlan.describe(config(Map.of("BASE_URL", "http://staging.example:3000",
                "DB_HOST", "staging-db", "DB_PASSWORD", "s3cret-pw", "PROFILE", "rush")),
                "locker.loadtest.simulation.LockerReservationSimulation");

        assertThat(plan).contains("target:       http://staging.example:3000", "staging-db:5432/locker_db",
                "profile:      rush (all within one second)");
        assertThat(plan).doesNotContain("s3cret-pw");
    }

    @Test
    void theSmokeSimulationHasOneUser() {
        assertThat(RunPlan.describe(config(Map.of()), "locker.loadtest.simulation.SmokeSimulation"))
                .contains("users:        1 (student id 9900000000)\n").doesNotContain("profile:");
    }
}
