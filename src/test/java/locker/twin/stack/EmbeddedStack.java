package locker.twin.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import locker.twin.server.ReferenceServer;
import locker.twin.server.ReferenceServerSettings;
import org.flywaydb.core.Flyway;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embedded PostgreSQL, embedded Redis and the reference server, on free loopback ports: the target
 * of the load test when no {@code BASE_URL} is given. The database gets the deployed schema and the
 * deployed data set (7 locations, 22 lockers, no users) from the Flyway migrations in {@code db/reference}.
 * {@link #start()} opens the application window for the run, as the deployed service was during its
 * application period ({@link ReferenceServerSettings#defaults()}).
 */
public final class EmbeddedStack implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final String DB_NAME = "locker_db";
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "";
    /** How many settings {@link #clientSettings()} gives: scripts/reference-server.sh prints one line each. */
    public static final int CLIENT_SETTINGS = 8;

    private final EmbeddedPostgres postgres;
    private final int redisPort;
    private RedisServer redis;
    private final ReferenceServer server;
    private final ReferenceServerSettings serverSettings;
    private final long startupMillis;

    private EmbeddedStack(EmbeddedPostgres postgres, int redisPort, RedisServer redis, ReferenceServer server,
                          ReferenceServerSettings serverSettings, long startupMillis) {
        this.postgres = postgres;
        this.serverSettings = serverSettings;
        this.redisPort = redisPort;
        this.redis = redis;
        this.server = server;
        this.startupMillis = startupMillis;
    }

    /** Starts the stack with the deployed service's behaviour. */
    public static EmbeddedStack start() {
        return start(ReferenceServerSettings.defaults(), 0);
    }

    /** Starts the stack; {@code serverPort} 0 picks a free port. */
    public static EmbeddedStack start(ReferenceServerSettings settings, int serverPort) {
        long started = System.nanoTime();
        EmbeddedPostgres postgres = null;
        RedisServer redis = null;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            createDatabase(postgres);
            String jdbcUrl = jdbcUrl(postgres.getPort());
            Flyway.configure()
                    .dataSource(jdbcUrl, DB_USER, DB_PASSWORD)
                    .locations("classpath:db/reference")
                    .load()
                    .migrate();
            int redisPort = freePort();
            redis = startRedis(redisPort);
            ReferenceServer server = ReferenceServer.start(
                    new ReferenceServer.Backends(jdbcUrl, DB_USER, DB_PASSWORD, HOST, redisPort, null),
                    settings, HOST, serverPort);
            return new EmbeddedStack(postgres, redisPort, redis, server, settings,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException | RuntimeException e) {
            stopQuietly(redis);
            closeQuietly(postgres);
            throw new IllegalStateException("the embedded stack did not start: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + server.port();
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    public int dbPort() {
        return postgres.getPort();
    }

    public int redisPort() {
        return redisPort;
    }

    /** How the reference server of this stack behaves (pool sizes, lifetimes). */
    public ReferenceServerSettings serverSettings() {
        return serverSettings;
    }

    /** The running reference server. */
    public ReferenceServer server() {
        return server;
    }

    public long startupMillis() {
        return startupMillis;
    }

    /** What a client needs, under the load test's own setting names. */
    public Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("BASE_URL", baseUrl());
        settings.put("DB_HOST", HOST);
        settings.put("DB_PORT", Integer.toString(dbPort()));
        settings.put("DB_NAME", DB_NAME);
        settings.put("DB_USER", DB_USER);
        settings.put("DB_PASSWORD", DB_PASSWORD);
        settings.put("REDIS_HOST", HOST);
        settings.put("REDIS_PORT", Integer.toString(redisPort));
        return settings;
    }

    /** A new connection to the stack's database, for checks made behind the API's back. */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD);
    }

    /** Stops Redis, to see how the server and the clients behave without it. */
    public synchronized void stopRedis() {
        stopQuietly(redis);
        redis = null;
    }

    /** Starts Redis again on the same port, empty. */
    public synchronized void restartRedis() {
        if (redis == null) {
            try {
                redis = startRedis(redisPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops PostgreSQL for good (it cannot be started again), to see how the server behaves without it. */
    public synchronized void stopDatabase() {
        closeQuietly(postgres);
    }

    @Override
    public synchronized void close() {
        server.close();
        stopQuietly(redis);
        redis = null;
        closeQuietly(postgres);
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + DB_NAME;
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DB_NAME);
        }
    }

    private static RedisServer startRedis(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind(HOST)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return server;
    }

    /** A TCP port free on this machine at the moment of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(RedisServer redis) {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException | RuntimeException e) {
                // already gone
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                // already gone
            }
        }
    }
}
