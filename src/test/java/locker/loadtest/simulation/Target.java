package locker.loadtest.simulation;

import locker.config.DbTarget;
import locker.config.LoadTestConfig;
import locker.config.RedisTarget;
import locker.loadtest.results.ExitStatus;
import locker.twin.server.ReferenceServerSettings;
import locker.twin.stack.EmbeddedStack;
import locker.twin.stack.ServerWarmUp;

import java.util.Optional;

/**
 * What a run loads: the server at {@code BASE_URL} with its database and Redis from the settings, or the embedded
 * reference stack started here. Before anything else touches it, the target must pass the pre-flight check
 * ({@link Preflight}); otherwise the JVM ends with {@link ExitStatus#PREFLIGHT_FAILED}, nothing seeded.
 */
final class Target implements AutoCloseable {
    private final EmbeddedStack stack;
    private final String baseUrl;
    private final DbTarget database;
    private final RedisTarget redis;

    private Target(EmbeddedStack stack, String baseUrl, DbTarget database, RedisTarget redis) {
        this.stack = stack;
        this.baseUrl = baseUrl;
        this.database = database;
        this.redis = redis;
    }

    /** Starts the embedded stack when the settings ask for it, checks the target's health and warms the stack up. */
    static Target start(LoadTestConfig config) {
        EmbeddedStack stack = null;
        if (config.usesEmbeddedStack()) {
            stack = EmbeddedStack.start();
            LoadTestRun.LOG.info("embedded reference stack started in {} ms at {} (PostgreSQL on port {}, Redis on "
                    + "port {})", stack.startupMillis(), stack.baseUrl(), stack.dbPort(), stack.redisPort());
        }
        String baseUrl = stack != null ? stack.baseUrl() : config.baseUrl.orElseThrow();
        Optional<String> unhealthy = Preflight.problem(baseUrl, config.requestTimeout);
        if (unhealthy.isPresent()) {
            if (stack != null) {
                stack.close();
            }
            ExitStatus.PREFLIGHT_FAILED.exit("pre-flight check failed, the run stops before seeding (nothing was changed): "
                    + unhealthy.get());
        }
        if (stack != null && !config.serverWarmUp.isZero()) {
            LoadTestRun.LOG.info("embedded reference stack warmed up: {}",
                    ServerWarmUp.run(stack, config.serverWarmUp));
        }
        if (stack == null) {
            return new Target(null, baseUrl, config.database, config.redis);
        }
        return new Target(stack, baseUrl,
                new DbTarget(EmbeddedStack.HOST, stack.dbPort(), EmbeddedStack.DB_NAME, EmbeddedStack.DB_USER,
                        EmbeddedStack.DB_PASSWORD),
                new RedisTarget(EmbeddedStack.HOST, stack.redisPort(), null));
    }

    String baseUrl() {
        return baseUrl;
    }

    DbTarget database() {
        return database;
    }

    RedisTarget redis() {
        return redis;
    }

    /** Whether the server runs in this JVM (its CPU and heap are then sampled with the generator's). */
    boolean embedded() {
        return stack != null;
    }

    /** The embedded server's settings; empty for a server at BASE_URL. */
    Optional<ReferenceServerSettings> serverSettings() {
        return stack == null ? Optional.empty() : Optional.of(stack.serverSettings());
    }

    /** Stops the embedded stack; a server at BASE_URL is left as it is. */
    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
