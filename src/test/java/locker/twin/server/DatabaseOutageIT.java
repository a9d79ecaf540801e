package locker.twin.server;

import locker.testsupport.ConsoleCapture;
import locker.testsupport.StackExtension;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.RawHttp;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.Student;
import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL refusing the server under a running stack: the database stops accepting connections and the server's
 * are ended, for real. The auth routes answer 500 text, health 500 JSON naming the database; the server logs each
 * refused statement in one line, without a stack trace.
 */
class DatabaseOutageIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();

    @Test
    void withoutTheDatabaseTheAuthRoutesAnswer500TextAndHealthNamesTheDatabase() throws SQLException {
        Session session = api.newSession();
        Student newcomer = Student.next();

        setDatabaseReachable(false);
        try {
            ConsoleCapture.Captured<ApiResponse> login = ConsoleCapture.capture(() -> api.loginOrRegister(newcomer));
            assertThat(login.output()).as("the server's log of the refused statement")
                    .contains("POST /api/v1/auth/login-or-register answered 500: ").doesNotContain("\tat ");
            for (ApiResponse answer : new ApiResponse[]{login.result(),
                    api.refresh(session.refreshToken(), null), api.logout(session.refreshToken(), null),
                    api.me(session.accessToken())}) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(500);
                assertThat(answer.body()).isEqualTo("Internal Server Error");
            }
            RawHttp.Answer raw = new RawHttp(STACK.stack().baseUrl()).send("GET", "/api/v1/lockers/me",
                    "Authorization: Bearer " + session.accessToken());
            assertThat(raw.status()).isEqualTo(500);
            assertThat(raw.reason()).as("fasthttp's reason phrase").isEqualTo("Internal Server Error");
            ApiResponse health = api.health();
            assertThat(health.status()).isEqualTo(500);
            assertThat(health.json().properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("db", "error", "status");
            assertThat(health.json().path("db").asText()).isEqualTo("unreachable");
            assertThat(health.json().path("status").asText()).isEqualTo("unhealthy");
        } finally {
            setDatabaseReachable(true);
        }

        assertThat(Waiting.until(Duration.ofSeconds(60), api::health, response -> response.status() == 200).status())
                .isEqualTo(200);
        assertThat(api.loginOrRegister(newcomer).status()).isEqualTo(201);
        assertThat(api.me(session.accessToken()).status()).isEqualTo(200);
    }

    /** Through the maintenance database: the locker database's connections are ended and new ones refused. */
    private static void setDatabaseReachable(boolean reachable) throws SQLException {
        String maintenanceUrl = STACK.stack().jdbcUrl().replace("/" + EmbeddedStack.DB_NAME, "/postgres");
        try (Connection c = DriverManager.getConnection(maintenanceUrl, EmbeddedStack.DB_USER, EmbeddedStack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + EmbeddedStack.DB_NAME + " ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + EmbeddedStack.DB_NAME + "'");
            }
        }
    }
}
