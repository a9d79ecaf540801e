package locker.loadtest.results;

import locker.loadtest.anomalies.InvariantResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunContextTest {
    @Test
    void itSurvivesTheTripThroughItsFile(@TempDir Path runDirectory) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("base_url", "http://127.0.0.1:3000");
        config.put("total_users", 1000);
        config.put("think_time_min", 0.5);
        RunContext context = new RunContext(config, Map.of("confirmed", 7L, "released", 2L), true,
                List.of(new InvariantResult("one_locker_per_user", "no user owns two lockers", false, 1, "1 offending: 42")));
        context.writeTo(runDirectory);

        RunContext read = RunContext.readFrom(runDirectory);
        assertThat(read).isEqualTo(context);
        assertThat(read.config().keySet()).containsExactly("base_url", "total_users", "think_time_min");
        assertThat(read.outcome("confirmed")).isEqualTo(7);
        assertThat(read.outcome("given_up")).isZero();
        assertThat(read.invariantsViolated()).isTrue();
    }

    @Test
    void aRunWithoutContextReadsAsAnEmptyOne(@TempDir Path runDirectory) {
        RunContext read = RunContext.readFrom(runDirectory);
        assertThat(read.config()).isEmpty();
        assertThat(read.dbConnected()).isFalse();
        assertThat(read.invariantsViolated()).isFalse();
    }

    @Test
    void settingsNamedLikeSecretsAreDropped() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("db_host", "localhost");
        config.put("DB_PASSWORD", "hunter2");
        config.put("jwt_secret", "s");
        config.put("access_token", "t");
        assertThat(new RunContext(config, Map.of(), false, List.of()).config()).containsOnlyKeys("db_host");
    }
}
