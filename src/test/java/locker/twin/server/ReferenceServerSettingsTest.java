package locker.twin.server;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference server's settings from the environment: the deployed names, checked before anything starts. */
class ReferenceServerSettingsTest {

    @Test
    void theEnvironmentOverridesTheDefaults() {
        ReferenceServerSettings settings = ReferenceServerSettings.fromEnvironment(Map.of(
                "HOLD_TTL_SECONDS", "5", "DB_POOL_SIZE", "7", "JWT_SECRET", "s3cret"));

        assertThat(settings.holdTtlSeconds()).isEqualTo(5);
        assertThat(settings.dbPoolSize()).isEqualTo(7);
        assertThat(settings.jwtSecret()).isEqualTo("s3cret");
    }

    @Test
    void theDefaultsAreTheDeployedPoolHoldAndSweep() {
        ReferenceServerSettings defaults = ReferenceServerSettings.fromEnvironment(Map.of());

        assertThat(defaults.dbPoolSize()).isEqualTo(10);
        assertThat(defaults.holdTtlSeconds()).isEqualTo(60);
        assertThat(defaults.sweepInterval()).hasSeconds(10);
    }

    @Test
    void theWindowIsReadAsTheDeployedServerReadsIt() {
        ReferenceServerSettings deployed = ReferenceServerSettings.fromEnvironment(Map.of(
                "LOCKER_APPLICATION_START", "2025-09-18T18:00:00+09:00",
                "LOCKER_APPLICATION_END", "2025-09-25T23:59:59+09:00"));
        ReferenceServerSettings startOnly = ReferenceServerSettings.fromEnvironment(Map.of(
                "LOCKER_APPLICATION_START", "2025-09-18T18:00:00+09:00"));

        assertThat(deployed.applicationStart()).isEqualTo(OffsetDateTime.parse("2025-09-18T18:00:00+09:00"));
        assertThat(deployed.applicationEnd()).isEqualTo(OffsetDateTime.parse("2025-09-25T23:59:59+09:00"));
        assertThat(deployed.applicationEnd().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(startOnly.applicationEnd()).isNull();
        assertThat(ReferenceServerSettings.fromEnvironment(Map.of()).applicationEnd()).isNotNull();
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("DB_POOL_SIZE", "0")))
                .hasMessage("DB_POOL_SIZE must be at least 1, was 0");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("HOLD_TTL_SECONDS", "0")))
                .hasMessage("HOLD_TTL_SECONDS must be at least 1, was 0");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("DB_POOL_SIZE", "many")))
                .hasMessage("DB_POOL_SIZE must be a whole number, was 'many'");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of("LOCKER_APPLICATION_END", "tomorrow")))
                .hasMessageStartingWith("LOCKER_APPLICATION_END must be an RFC 3339 time");
        assertThatThrownBy(() -> ReferenceServerSettings.fromEnvironment(Map.of(
                "LOCKER_APPLICATION_START", "2025-09-18T18:00:00+09:00", "LOCKER_APPLICATION_END", "2025-09-18T08:59:59Z")))
                .hasMessage("LOCKER_APPLICATION_END (2025-09-18T08:59:59Z) is before LOCKER_APPLICATION_START"
                        + " (2025-09-18T18:00+09:00)");
    }
}
