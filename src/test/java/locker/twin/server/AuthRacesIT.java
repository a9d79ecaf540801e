package locker.twin.server;

import locker.contract.SerialId;
import locker.contract.TokenHash;
import locker.testsupport.StackExtension;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import locker.testsupport.twin.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed races of the auth routes (deployed-service.md §8 R6, R10), provoked deterministically: the test holds a
 * row lock (or an uncommitted row) in PostgreSQL, waits until every request is blocked on it at the same statement,
 * then lets go.
 */
class AuthRacesIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    /** R6: refresh reads the token, then revokes it without a {@code revoked_at IS NULL} guard. */
    @Test
    void concurrentRefreshesOfOneRefreshTokenAllSucceed() throws Exception {
        Session session = api.newSession();
        int racers = 3;
        List<ApiResponse> answers;
        try (Connection blocker = STACK.stack().openConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT 1 FROM auth_refresh_tokens WHERE token_hash = ? FOR UPDATE")) {
                lock.setString(1, TokenHash.of(session.refreshToken()));
                assertThat(lock.executeQuery().next()).isTrue();
            }
            answers = race(racers, () -> api.refresh(session.refreshToken(), null),
                    "UPDATE auth_refresh_tokens SET revoked_at = now() WHERE token_hash%", blocker::commit);
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers.stream().map(a -> a.json().path("refresh_token").asText()).distinct()).hasSize(racers);
        for (ApiResponse answer : answers) {
            assertThat(api.me(answer.json().path("access_token").asText()).status()).isEqualTo(200);
        }
        assertThat(inspector.value("""
                SELECT count(*) FROM auth_refresh_tokens WHERE user_serial_id = ? AND revoked_at IS NULL""",
                session.serialId())).isEqualTo((long) racers);
        assertThat(api.refresh(session.refreshToken(), null).status()).isEqualTo(401);
    }

    /**
     * R10: the logins blocked behind one identity's insert go on together when it is rolled back. One inserts the user
     * (201); the others find it (200), or clash with it on {@code users_pkey} and, not retried, answer 500 having
     * stored nothing.
     */
    @Test
    void concurrentFirstLoginsOfOneIdentityInsertItOnceAndAreNotRetried() throws Exception {
        Student student = Student.next();
        long serialId = SerialId.of(student.studentId(), student.name(), student.phoneNumber());
        int racers = 5;
        List<ApiResponse> answers;
        try (Connection blocker = STACK.stack().openConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement(
                    "INSERT INTO users (student_id, name, phone_number, serial_id) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, student.studentId());
                insert.setString(2, student.name());
                insert.setString(3, student.phoneNumber());
                insert.setLong(4, serialId);
                insert.executeUpdate();
            }
            answers = race(racers, () -> api.loginOrRegister(student), "%INSERT INTO users%", blocker::rollback);
        }

        assertThat(answers).extracting(ApiResponse::status).isSubsetOf(200, 201, 500);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 500)
                .allSatisfy(answer -> assertThat(answer.body()).isEqualTo("Internal Server Error"));
        List<ApiResponse> loggedIn = answers.stream().filter(answer -> answer.status() != 500).toList();
        assertThat(loggedIn).allSatisfy(answer ->
                assertThat(answer.json().path("serial_id").asLong()).isEqualTo(serialId));
        assertThat(inspector.value("SELECT count(*) FROM users WHERE serial_id = ?", serialId)).isEqualTo(1L);
        assertThat(inspector.value("SELECT count(*) FROM auth_refresh_tokens WHERE user_serial_id = ?", serialId))
                .isEqualTo((long) loggedIn.size());
    }

    /** What lets the blocked requests go on: ending the test's own transaction. */
    @FunctionalInterface
    private interface Release {
        void run() throws SQLException;
    }

    /**
     * Starts {@code racers} requests at once, waits until every one of them is blocked on a lock in a statement
     * like {@code statementPattern}, runs {@code release} and returns the answers in the order of the requests.
     */
    private List<ApiResponse> race(int racers, Supplier<ApiResponse> request, String statementPattern,
                                   Release release) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ApiResponse>> running = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                running.add(threads.submit(request::get));
            }
            Waiting.until(Duration.ofSeconds(60), () -> blockedOn(statementPattern), blocked -> blocked == racers);
            release.run();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> answer : running) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private long blockedOn(String statementPattern) {
        return (Long) inspector.value("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE ?""", statementPattern);
    }
}
