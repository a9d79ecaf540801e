package locker.twin.stack;

import locker.contract.RedisKeys;
import locker.contract.SerialId;
import locker.testsupport.testdata.DatabaseRows;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up drives the real server, then leaves the database and Redis exactly as they were, a real
 * student's locker and hold included: the run that follows seeds and snapshots an untouched stack.
 */
class ServerWarmUpIT {
    private static final String STUDENT = "2019123456";
    private static final String NAME = "김철수";
    private static final String PHONE = "01012345678";
    @Test
    void theWarmUpSendsEveryEndpointAndLeavesNoTrace() throws SQLException {
        long owner = SerialId.of(STUDENT, NAME, PHONE);
        try (EmbeddedStack stack = EmbeddedStack.start(); Connection db = stack.openConnection();
             Jedis redis = new Jedis(EmbeddedStack.HOST, stack.redisPort())) {
            insert(db, "INSERT INTO users (serial_id, student_id, name, phone_number) VALUES (?, ?, ?, ?)",
                    owner, STUDENT, NAME, PHONE);
            insert(db, "UPDATE locker_info SET owner_student_id = ?, owner_serial_id = ? WHERE locker_id = 101",
                    STUDENT, owner);
            insert(db, "INSERT INTO locker_assignments (locker_id, user_serial_id, state, confirmed_at)"
                    + " VALUES (101, ?, 'confirmed', now())", owner);
            redis.setex(RedisKeys.hold(102), 600, "424242424242");
            Map<String, List<String>> tablesBefore = DatabaseRows.dump(db);
            Map<String, String> keysBefore = DatabaseRows.redisKeys(redis);

            ServerWarmUp.Result result = ServerWarmUp.run(stack, Duration.ofSeconds(3));

            assertThat(result.answered()).containsOnlyKeys(ServerWarmUp.ENDPOINTS)
                    .allSatisfy((endpoint, answered) -> assertThat(answered).as(endpoint).isPositive());
            assertThat(DatabaseRows.dump(db)).isEqualTo(tablesBefore);
            assertThat(DatabaseRows.redisKeys(redis)).isEqualTo(keysBefore);
            assertThat(DatabaseRows.count(db, "SELECT count(*) FROM users WHERE student_id LIKE '9909%'")).isZero();
        }
    }

    private static void insert(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
