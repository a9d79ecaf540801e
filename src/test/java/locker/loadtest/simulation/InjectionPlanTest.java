package locker.loadtest.simulation;

import locker.config.LoadProfile;
import locker.config.LoadTestConfig;
import locker.config.SettingSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class InjectionPlanTest {

    private static InjectionPlan planFor(Map<String, String> env) {
        return InjectionPlan.of(LoadTestConfig.from(new SettingSource(name -> null, env, new Properties())));
    }

    @Test
    void batchRunsEveryStudentNeverMoreThanTheConcurrencyAtOnce() {
        InjectionPlan plan = planFor(Map.of("TOTAL_USERS", "1000", "CONCURRENT_USERS", "300", "BATCH_DELAY", "2"));
        assertThat(plan.profile()).isEqualTo(LoadProfile.BATCH);
        assertThat(plan.slots()).isEqualTo(300);
        assertThat(plan.totalUsers()).isEqualTo(1000);
        assertThat(plan.concurrencyCap()).hasValue(300);
        assertThat(plan.batchDelay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aShardRunsItsShareOfTheStudentsTheConcurrencyAndTheArrivalRate() {
        Map<String, String> shards = Map.of("BASE_URL", "http://locker.example", "EXTERNAL_TEST_DATA", "true",
                "SHARD_COUNT", "3", "TOTAL_USERS", "1000", "CONCURRENT_USERS", "50");
        int students = 0, slots = 0;
        for (int index = 0; index < 3; index++) {
            Map<String, String> shard = new java.util.HashMap<>(shards);
            shard.put("SHARD_INDEX", Integer.toString(index));
            InjectionPlan plan = planFor(shard);
            students += plan.users();
            slots += plan.slots();
        }
        assertThat(students).isEqualTo(1000);
        assertThat(slots).isEqualTo(50);
        Map<String, String> soak = new java.util.HashMap<>(shards);
        soak.putAll(Map.of("PROFILE", "soak", "SOAK_ARRIVAL_RATE", "6", "SHARD_INDEX", "2"));
        assertThat(planFor(soak).arrivalRate()).isEqualTo(2.0);
    }

    @Test
    void batchWithMoreConcurrencyThanStudentsRunsThemAllAtOnce() {
        InjectionPlan plan = planFor(Map.of("TOTAL_USERS", "7", "CONCURRENT_USERS", "50"));
        assertThat(plan.slots()).isEqualTo(7);
        assertThat(plan.totalUsers()).isEqualTo(7);
        assertThat(plan.concurrencyCap()).hasValue(7);
    }

    @Test
    void rushBringsEveryoneWithinOneSecond() {
        InjectionPlan plan = planFor(Map.of("PROFILE", "rush", "TOTAL_USERS", "10000"));
        assertThat(plan.totalUsers()).isEqualTo(10_000);
        assertThat(plan.arrivalWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.concurrencyCap()).isEmpty();
    }

    @Test
    void rampSpreadsTheStudentsOverItsDuration() {
        InjectionPlan plan = planFor(Map.of("PROFILE", "ramp", "TOTAL_USERS", "600", "RAMP_DURATION", "120"));
        assertThat(plan.totalUsers()).isEqualTo(600);
        assertThat(plan.arrivalWindow()).isEqualTo(Duration.ofSeconds(120));
        assertThat(plan.journeys()).isEqualTo(1);
    }

    @Test
    void soakArrivesAtAStedyRateAndRepeatsTheJourney() {
        InjectionPlan plan = planFor(Map.of("PROFILE", "soak", "SOAK_ARRIVAL_RATE", "4", "SOAK_DURATION", "30",
                "SOAK_REPEATS", "5"));
        assertThat(plan.totalUsers()).isEqualTo(120);
        assertThat(plan.arrivalRate()).isEqualTo(4.0);
        assertThat(plan.journeys()).isEqualTo(5);
    }
}
