package locker.testdata;

import locker.config.DbTarget;
import locker.config.RedisTarget;
import locker.config.SeedPlan;
import locker.testsupport.ConsoleCapture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** "DB 없이 테스트하기": an unreachable database gives no-database mode, one warning, and no password anywhere. */
class NoDatabaseIT {
    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void aClosedPortGivesNoDatabaseModeWithOneWarning() throws IOException {
        DbTarget db = new DbTarget("127.0.0.1", closedPort(), "locker_db", "postgres", PASSWORD);
        RedisTarget redis = new RedisTarget("127.0.0.1", closedPort(), null);
        SeedPlan plan = new SeedPlan(20, locker.config.LoadTestConfig.DEFAULT_STUDENT_ID_START, 5);

        ConsoleCapture.Captured<TestData> connected = ConsoleCapture.capture(() -> TestData.connect(db, redis));
        TestData data = connected.result();
        ConsoleCapture.Captured<SeedResult> seeded = ConsoleCapture.capture(() -> data.seed(plan));
        ConsoleCapture.Captured<RestoreReport> restored = ConsoleCapture.capture(data::restore);
        data.close();

        assertThat(data.isConnected()).isFalse();
        assertThat(connected.output()).containsOnlyOnce("WARNING").contains("no database", db.toString(),
                "test users may remain on the server", "db_connected: false");
        assertThat(data.warning()).contains(connected.output().strip());
        assertThat(seeded.result().dbConnected()).isFalse();
        assertThat(seeded.result().users()).isEqualTo(TestUserRoster.of(plan));
        assertThat(seeded.result().testLockerIds()).isEmpty();
        assertThat(restored.result().status()).isEqualTo(RestoreReport.Status.NO_DATABASE);
        assertThat(connected.output() + seeded.output() + restored.output()).doesNotContain(PASSWORD);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
