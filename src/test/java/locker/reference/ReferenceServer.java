package locker.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The locker reservation service of {@code shared/locker-api.md}, in Java: the load test's target
 * when no {@code BASE_URL} is given, and what the project's own tests talk to.
 */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);
    public static final String API = "/api/v1";
    /**
     * Connections waiting to be accepted. The JDK's default of 50 is far below a rush: the kernel drops the
     * other SYNs and the clients retry after 1 s, 3 s, ..., which shows up as multi-second logins.
     */
    static final int ACCEPT_QUEUE = 4096;

    /** Where the server finds its database and Redis. */
    public record Backends(String jdbcUrl, String dbUser, String dbPassword,
                           String redisHost, int redisPort, String redisPassword) {}

    private final Database db;
    private final Redis redis;
    private final HoldExpiry holdExpiry;
    private final Javalin app;
    private final StepGates gates;

    private ReferenceServer(Database db, Redis redis, HoldExpiry holdExpiry, Javalin app, StepGates gates) {
        this.db = db;
        this.redis = redis;
        this.holdExpiry = holdExpiry;
        this.app = app;
        this.gates = gates;
    }

    /** Starts the server on {@code host:port} (port 0 picks a free one). */
    public static ReferenceServer start(Backends backends, ReferenceServerSettings settings, String host, int port) {
        Database db = new Database(backends.jdbcUrl(), backends.dbUser(), backends.dbPassword(), settings.dbPoolSize());
        Redis redis = new Redis(backends.redisHost(), backends.redisPort(), backends.redisPassword(),
                Math.max(8, settings.httpThreads()));
        Tokens tokens = new Tokens(settings);
        Authenticator authenticator = new Authenticator(tokens, redis);
        AuthHandlers auth = new AuthHandlers(db, redis, tokens, authenticator);
        StepGates gates = new StepGates();
        LockerHandlers lockers = new LockerHandlers(db, redis, authenticator, settings, gates);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.threadPool = new QueuedThreadPool(settings.httpThreads(), Math.min(8, settings.httpThreads()));
            config.jetty.modifyServer(server -> server.addBean(new ConnectionLimit(settings.maxOpenConnections(), server)));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
        });
        app.post(API + "/auth/login-or-register", auth::loginOrRegister);
        app.post(API + "/auth/refresh", auth::refresh);
        app.post(API + "/auth/logout", auth::logout);
        app.get(API + "/auth/me", auth::me);
        app.get(API + "/lockers", lockers::list);
        app.get(API + "/lockers/me", lockers::mine);
        app.post(API + "/lockers/{id}/hold", lockers::hold);
        app.post(API + "/lockers/{id}/confirm", lockers::confirm);
        app.post(API + "/lockers/{id}/release-hold", lockers::releaseHold);
        app.post(API + "/lockers/{id}/release", lockers::release);
        app.get(API + "/health", ctx -> health(ctx, db, redis));
        app.exception(ApiError.class, (e, ctx) -> Json.send(ctx.status(e.status), Map.of("error", e.getMessage())));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.send(ctx.status(500), Map.of("error", "internal server error"));
        });

        HoldExpiry holdExpiry = new HoldExpiry(db, redis, settings.sweepInterval(), gates);
        try {
            app.start();
        } catch (RuntimeException e) {
            holdExpiry.close();
            redis.close();
            db.close();
            throw e;
        }
        return new ReferenceServer(db, redis, holdExpiry, app, gates);
    }

    private static void health(Context ctx, Database db, Redis redis) {
        boolean dbUp = db.isReachable();
        boolean redisUp = redis.isReachable();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", dbUp && redisUp ? "healthy" : "unhealthy");
        answer.put("db", dbUp ? "reachable" : "unreachable");
        answer.put("redis", redisUp ? "reachable" : "unreachable");
        Json.send(ctx.status(dbUp && redisUp ? 200 : 500), answer);
    }

    /** Tests only: holds requests and the sweep at the gate's steps; null restores the open gate. */
    void installStepGate(StepGate gate) {
        gates.install(gate);
    }

    /** Tests only: one sweep now, on the caller's thread, as the timer would run it. */
    void sweepHoldsNow() {
        holdExpiry.sweep();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        holdExpiry.close();
        redis.close();
        db.close();
    }
}
