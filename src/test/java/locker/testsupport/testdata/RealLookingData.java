package locker.testsupport.testdata;

import locker.contract.RedisKeys;
import locker.contract.SerialId;
import locker.testdata.TestUser;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Data of real students in the reference data set, as a live database has it: a confirmed locker,
 * a hold (row and Redis key), a cancelled assignment, refresh tokens (valid, revoked, expired) and a
 * blacklisted access token. Lockers 104 and 105 stay free for test users, 106 for a real user.
 */
public final class RealLookingData {
    public static final TestUser OWNER = real("2019123456", "김철수", "01012345678");
    public static final TestUser HOLDER = real("2020234567", "이영희", "01023456789");
    public static final TestUser FORMER = real("2021345678", "박민수", "01034567890");
    public static final TestUser LATECOMER = real("2022456789", "최지우", "01045678901");
    public static final List<Integer> FREE_FOR_TEST_USERS = List.of(104, 105);
    public static final int FREE_FOR_LATECOMER = 106;
    public static final String REAL_JTI = "real-user-token-jti";

    private RealLookingData() {}

    public static void insert(Connection c, Jedis redis) throws SQLException {
        for (TestUser user : List.of(OWNER, HOLDER, FORMER, LATECOMER)) {
            update(c, "INSERT INTO users (serial_id, student_id, name, phone_number, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, now() - interval '30 days', now() - interval '3 days')",
                    user.serialId(), user.studentId(), user.name(), user.phoneNumber());
        }
        update(c, "UPDATE locker_info SET owner_student_id = ?, owner_serial_id = ? WHERE locker_id = 101",
                OWNER.studentId(), OWNER.serialId());
        update(c, "INSERT INTO locker_assignments (locker_id, user_serial_id, state, hold_expires_at, confirmed_at, created_at)"
                + " VALUES (101, ?, 'confirmed', now() - interval '2 days', now() - interval '2 days', now() - interval '2 days')",
                OWNER.serialId());
        update(c, "INSERT INTO locker_assignments (locker_id, user_serial_id, state, hold_expires_at)"
                + " VALUES (102, ?, 'hold', now() + interval '1 day')", HOLDER.serialId());
        update(c, "INSERT INTO locker_assignments (locker_id, user_serial_id, state, confirmed_at, released_at)"
                + " VALUES (103, ?, 'cancelled', now() - interval '5 days', now() - interval '4 days')", FORMER.serialId());
        update(c, "INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, expires_at, user_agent, ip)"
                + " VALUES (?, 'real-hash-1', now() + interval '14 days', 'Mozilla/5.0', '10.0.0.7')", OWNER.serialId());
        update(c, "INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, expires_at, revoked_at, ip)"
                + " VALUES (?, 'real-hash-2', now() + interval '14 days', now() - interval '1 day', '10.0.0.8')", HOLDER.serialId());
        update(c, "INSERT INTO auth_refresh_tokens (user_serial_id, token_hash, issued_at, expires_at)"
                + " VALUES (?, 'real-hash-3', now() - interval '20 days', now() - interval '6 days')", FORMER.serialId());
        redis.setex(RedisKeys.hold(102), 3600, Long.toString(HOLDER.serialId()));
        redis.setex(RedisKeys.blacklist(REAL_JTI), 3600, "1");
    }

    private static TestUser real(String studentId, String name, String phone) {
        return new TestUser(studentId, name, phone, SerialId.of(studentId, name, phone));
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
