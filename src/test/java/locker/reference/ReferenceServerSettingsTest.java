package locker.reference;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference server's settings from the environment: the deployed names, checked before anything starts. */
class ReferenceServerSettingsTest {

    @Test
    void theEnvironmentOverridesTheDefaults() {
        ReferenceServerSettings settings = ReferenceServerSettings.fromEnvironment(Map.of(
                "HOLD_TTL_SECONDS", "5", "DB_POOL_SIZE", "7", "HTTP_THREADS", "16", "JWT_SECRET", "s3cret"));

        assertThat(settings.holdTtlSeconds()).isEqualTo(5);
        assertThat(settings.dbPoolSize()).isEqualTo(7);
        assertThat(settings.httpThreads()).isEqualTo(16);
        assertThat(settings.jwtSecret()).isEqualTo("s3cret");
        assertThat(ReferenceServerSettings.fromEnvironment(Map.of()).dbPoolSize())
                .isEqualTo(ReferenceServerSettings.defaults().dbPoolSize());
    }

    @Test
    void poolsTooSmallToServeAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("DB_POOL_SIZE", "0")))
                .hasMessage("DB_POOL_SIZE must be at least 1, was 0");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("HTTP_THREADS", "4")))
                .hasMessage("HTTP_THREADS must be at least 8, was 4");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("HOLD_TTL_SECONDS", "0")))
                .hasMessage("HOLD_TTL_SECONDS must be at least 1, was 0");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("HTTP_THREADS", "many")))
                .hasMessage("HTTP_THREADS must be a whole number, was 'many'");
    }
}
