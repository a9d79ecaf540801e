package locker.testsupport.testdata;

import locker.twin.stack.EmbeddedStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded stack for one test class, holding real-looking data (users, confirmed lockers, holds,
 * tokens, Redis keys), with every table and Redis key as they were before the tests:
 * {@code @RegisterExtension static final RealLookingStack WORLD = new RealLookingStack();}
 */
public final class RealLookingStack implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedStack stack;
    private Jedis redis;
    private Map<String, List<String>> tablesBefore;
    private Map<String, String> redisBefore;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        stack = EmbeddedStack.start();
        redis = new Jedis(EmbeddedStack.HOST, stack.redisPort());
        try (Connection c = stack.openConnection()) {
            RealLookingData.insert(c, redis);
            tablesBefore = DatabaseRows.dump(c);
        }
        redisBefore = DatabaseRows.redisKeys(redis);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        redis.close();
        stack.close();
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public Jedis redis() {
        return redis;
    }

    /** A new Redis connection, after Redis was restarted. */
    public void reconnectRedis() {
        redis.close();
        redis = new Jedis(EmbeddedStack.HOST, stack.redisPort());
    }

    public Map<String, List<String>> tablesBefore() {
        return tablesBefore;
    }

    public Map<String, String> redisBefore() {
        return redisBefore;
    }

    public void assertTablesAsBefore() throws SQLException {
        try (Connection c = stack.openConnection()) {
            assertThat(DatabaseRows.dump(c)).isEqualTo(tablesBefore);
        }
    }

    public void assertRedisAsBefore() {
        assertThat(DatabaseRows.redisKeys(redis)).isEqualTo(redisBefore);
    }
}
