package locker.twin.server;

import io.javalin.Javalin;
import locker.contract.ApiRoute;
import locker.twin.server.HttpPipeline.Route;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import redis.clients.jedis.JedisPool;

import java.util.List;
import java.util.Map;

/**
 * The locker reservation service described in {@code docs/deployed-service.md}, in Java: the load test's target
 * when no {@code BASE_URL} is given, and what the project's own tests talk to.
 */
public final class ReferenceServer implements AutoCloseable {
    /**
     * Connections waiting to be accepted. The JDK's default of 50 is far below a rush: the kernel drops the
     * other SYNs and the clients retry after 1 s, 3 s, ..., which shows up as multi-second logins.
     */
    static final int ACCEPT_QUEUE = 4096;
    /** fasthttp's default read buffer, which holds the request line and the headers. */
    static final int FASTHTTP_READ_BUFFER = 4096;

    /** Where the server finds its database and Redis. */
    public record Backends(String jdbcUrl, String dbUser, String dbPassword,
                           String redisHost, int redisPort, String redisPassword) {}

    private final Database db;
    private final Redis redis;
    private final AuthRedis authRedis;
    private final HoldExpiry holdExpiry;
    private final Javalin app;
    private final StepGates gates;
    private final AnswerWording wording;

    private ReferenceServer(Database db, Redis redis, AuthRedis authRedis, HoldExpiry holdExpiry, Javalin app,
                            StepGates gates, AnswerWording wording) {
        this.wording = wording;
        this.db = db;
        this.redis = redis;
        this.authRedis = authRedis;
        this.holdExpiry = holdExpiry;
        this.app = app;
        this.gates = gates;
    }

    /** Starts the server on {@code host:port} (port 0 picks a free one). */
    public static ReferenceServer start(Backends backends, ReferenceServerSettings settings, String host, int port) {
        CoreTurns turns = new CoreTurns(threadsRunningAtOnce());
        Database db = new Database(backends.jdbcUrl(), backends.dbUser(), backends.dbPassword(), settings.dbPoolSize());
        Redis redis = new Redis(backends.redisHost(), backends.redisPort(), backends.redisPassword(),
                redisConnections());
        AuthRedis authRedis = new AuthRedis(redis);
        Tokens tokens = new Tokens(settings);
        Authenticator authenticator = new Authenticator(tokens, authRedis);
        AuthHandlers auth = new AuthHandlers(db, authRedis, tokens, authenticator);
        StepGates gates = new StepGates();
        LockerHandlers lockers = new LockerHandlers(db, redis, authenticator, settings, gates);
        AnswerWording wording = new AnswerWording();
        HttpPipeline pipeline = new HttpPipeline(authenticator,
                List.of(Route.of(ApiRoute.REFRESH, auth::refresh),
                        Route.of(ApiRoute.LOG_OUT, auth::logout),
                        Route.of(ApiRoute.LOG_IN, auth::loginOrRegister),
                        Route.of(ApiRoute.HEALTH, auth::health)),
                List.of(Route.of(ApiRoute.LOCKERS, lockers::list),
                        Route.of(ApiRoute.MY_LOCKER, lockers::mine),
                        Route.of(ApiRoute.HOLD, lockers::hold),
                        Route.of(ApiRoute.CONFIRM, lockers::confirm),
                        Route.of(ApiRoute.RELEASE, lockers::release),
                        Route.of(ApiRoute.RELEASE_HOLD, lockers::releaseHold),
                        Route.of(ApiRoute.ME, auth::me)), wording);

        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.disableCompression();
            // larger bodies are refused by the pipeline itself, with the deployed 413 text
            config.http.maxRequestSize = HttpPipeline.BODY_LIMIT;
            config.jetty.modifyServer(server -> {
                server.addBean(new ConnectionLimit(settings.maxOpenConnections(), server));
                server.setErrorHandler(new FasthttpBadMessages());
            });
            config.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setSendDateHeader(true);
                // fasthttp answers a request whose Content-Length is over the limit before any of its body arrives
                http.setDelayDispatchUntilContent(false);
                // fasthttp reads the request line and headers into a 4 KiB buffer: beyond it, 431
                http.setRequestHeaderSize(FASTHTTP_READ_BUFFER);
                // Jetty keeps a per-connection cache of header lines, built on a connection's first request: nearly a
                // fifth of the twin's CPU at saturation (docs/deployed-vs-twin.md, eleventh measurement); fasthttp has
                // none
                http.setHeaderCacheSize(0);
                ServerConnector connector = new ConnectionThreads(server, http, turns);
                connector.setHost(host);
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
        });
        // the pipeline answers every request, whatever its method or path, and skips Javalin's own routing
        app.before(pipeline::handle);

        HoldExpiry holdExpiry = new HoldExpiry(db, redis, settings.sweepInterval(), gates, turns);
        try {
            app.start();
        } catch (RuntimeException e) {
            holdExpiry.close();
            redis.close();
            db.close();
            throw e;
        }
        return new ReferenceServer(db, redis, authRedis, holdExpiry, app, gates, wording);
    }

    /**
     * How many connection threads run the server's code at once: as many as the machine has cores, as Go runs as many
     * goroutines at once (GOMAXPROCS at its default, {@link CoreTurns}).
     */
    public static int threadsRunningAtOnce() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The connections of the server's one Redis pool, which the middleware, the auth routes and the locker routes
     * share: go-redis's default of 10 per GOMAXPROCS, which the deployed server keeps.
     */
    static int redisConnections() {
        return 10 * threadsRunningAtOnce();
    }

    /** Tests only: the server's one Redis pool. */
    JedisPool redisPool() {
        return redis.pool();
    }

    /** Tests only: holds requests and the sweep at the gate's steps; null restores the open gate. */
    public void installStepGate(StepGate gate) {
        gates.install(gate);
    }

    /**
     * Tests only: answers each error text given with its new text instead (as a deployed server reworded by its team
     * would); an empty map restores the deployed service's words.
     */
    public void rewordAnswers(Map<String, String> textToNewText) {
        wording.reword(textToNewText);
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
