package locker.testsupport;

import locker.testsupport.testdata.DatabaseRows;
import locker.testsupport.testdata.RealLookingData;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.StackInspector;
import locker.twin.server.ReferenceServerSettings;
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
 * The embedded stack of one test class, with its API client and inspector:
 * {@code @RegisterExtension static final StackExtension STACK = new StackExtension(settings);}
 * <p>
 * {@link #withRealLookingData()} also fills it with real-looking data (users, confirmed lockers, holds, tokens,
 * Redis keys) and remembers every table and Redis key as they were, for tests that must leave them so.
 */
public final class StackExtension implements BeforeAllCallback, AfterAllCallback {
    private static final List<String> CONTRACT_TABLES = List.of("users", "locker_locations", "locker_info",
            "locker_assignments", "auth_refresh_tokens");
    private final ReferenceServerSettings settings;
    private final boolean realLookingData;
    private EmbeddedStack stack;
    private ApiClient api;
    private StackInspector inspector;
    private Jedis redis;
    private Map<String, List<String>> tablesBefore;
    private Map<String, String> redisBefore;

    public StackExtension() {
        this(ReferenceServerSettings.defaults());
    }

    public StackExtension(ReferenceServerSettings settings) {
        this(settings, false);
    }

    private StackExtension(ReferenceServerSettings settings, boolean realLookingData) {
        this.settings = settings;
        this.realLookingData = realLookingData;
    }

    /** A stack with the deployed service's behaviour holding {@link RealLookingData}. */
    public static StackExtension withRealLookingData() {
        return new StackExtension(ReferenceServerSettings.defaults(), true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        stack = EmbeddedStack.start(settings, 0);
        api = new ApiClient(stack.baseUrl());
        inspector = new StackInspector(stack);
        if (realLookingData) {
            redis = new Jedis(EmbeddedStack.HOST, stack.redisPort());
            try (Connection c = stack.openConnection()) {
                RealLookingData.insert(c, redis);
                tablesBefore = DatabaseRows.dump(c);
            }
            redisBefore = DatabaseRows.redisKeys(redis);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (redis != null) {
            redis.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public ApiClient api() {
        return api;
    }

    public StackInspector inspector() {
        return inspector;
    }

    /** A connection to the stack's Redis (with real-looking data only). */
    public Jedis redis() {
        return redis;
    }

    /** A new Redis connection, after Redis was restarted. */
    public void reconnectRedis() {
        redis.close();
        redis = new Jedis(EmbeddedStack.HOST, stack.redisPort());
    }

    /** The rows of the contract's five tables (the load test's own schema left out). */
    public Map<String, List<String>> contractTables() throws SQLException {
        try (Connection c = stack.openConnection()) {
            Map<String, List<String>> tables = new java.util.HashMap<>(DatabaseRows.dump(c));
            tables.keySet().removeIf(name -> !CONTRACT_TABLES.contains(name));
            return tables;
        }
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
