package locker.twin.server;

import com.sun.management.UnixOperatingSystemMXBean;
import locker.contract.RedisKeys;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

/**
 * How the reference server behaves. The defaults are the deployed service's; tests shorten the
 * lifetimes. {@link #fromEnvironment} reads the same names as the deployed server where it has them.
 *
 * @param accessTokenTtl    lifetime of an access token (deployed: 30 minutes, {@code JWT_ACCESS_TTL_MIN=30})
 * @param refreshTokenTtl   lifetime of a refresh token (deployed: 336 hours)
 * @param holdTtlSeconds    how long a hold lasts, in Redis and in the database (deployed: 60 s)
 * @param sweepInterval     how often the sweep marks {@code hold} rows without a Redis key {@code expired} (deployed: 10 s)
 * @param applicationStart  holds are refused before this instant; null means no start bound
 * @param applicationEnd    holds are refused after this instant; null refuses every hold, as deployed
 *                          (deployed-service.md §6)
 * @param dbPoolSize        database connections of the server (deployed: 10); requests queue for one without limit
 * @param maxOpenConnections connections the server keeps open at once; more wait in the accept queue
 * @param jwtSecret         HS256 key of access tokens
 * @param issuer            {@code iss} of access tokens
 * @param audience          {@code aud} of access tokens
 */
public record ReferenceServerSettings(
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        int holdTtlSeconds,
        Duration sweepInterval,
        OffsetDateTime applicationStart,
        OffsetDateTime applicationEnd,
        int dbPoolSize,
        int maxOpenConnections,
        String jwtSecret,
        String issuer,
        String audience) {

    public ReferenceServerSettings {
        if (holdTtlSeconds < 1) {
            throw new IllegalArgumentException("HOLD_TTL_SECONDS must be at least 1, was " + holdTtlSeconds);
        }
        if (sweepInterval == null || sweepInterval.toMillis() < 1) {
            throw new IllegalArgumentException("the sweep interval must be at least 1 ms, was " + sweepInterval);
        }
        if (applicationStart != null && applicationEnd != null && applicationEnd.isBefore(applicationStart)) {
            throw new IllegalArgumentException("LOCKER_APPLICATION_END (" + applicationEnd + ") is before LOCKER_APPLICATION_START ("
                    + applicationStart + ")");
        }
        if (dbPoolSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be at least 1, was " + dbPoolSize);
        }
        if (maxOpenConnections < 1) {
            throw new IllegalArgumentException("maxOpenConnections must be at least 1, was " + maxOpenConnections);
        }
    }

    /** The deployed time zone of the window's values, in which its 403 messages print them. */
    static final ZoneOffset DEPLOYED_WINDOW_OFFSET = ZoneOffset.ofHours(9);
    /** How long the default window stays open: far beyond any run. */
    static final Duration DEFAULT_WINDOW_LENGTH = Duration.ofDays(365);

    /**
     * The deployed service during its application period: the window opened a minute ago and closes long after
     * any run, both at +09:00; the deployed pool of 10 connections, a 60 s hold and the 10 s sweep.
     */
    public static ReferenceServerSettings defaults() {
        OffsetDateTime now = OffsetDateTime.now(DEPLOYED_WINDOW_OFFSET).truncatedTo(ChronoUnit.SECONDS);
        return new ReferenceServerSettings(Duration.ofMinutes(30), Duration.ofHours(336), RedisKeys.HOLD_SECONDS,
                Duration.ofSeconds(10), now.minusMinutes(1), now.plus(DEFAULT_WINDOW_LENGTH), 10,
                defaultMaxOpenConnections(), randomSecret(), "locker-server-prod", "locker-app-users");
    }

    /**
     * A quarter of this process's file descriptors. In the embedded stack the students' connections and the
     * server's share them (two per connection), besides the pools' and the JVM's own; at a quarter a rush of
     * 10,000 cannot exhaust them.
     */
    private static int defaultMaxOpenConnections() {
        long descriptors = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 4096;
        return (int) Math.max(256, Math.min(Integer.MAX_VALUE, descriptors / 4));
    }

    /**
     * The defaults, overridden by {@code LOCKER_APPLICATION_START}/{@code _END} (RFC 3339),
     * {@code JWT_SECRET}, {@code HOLD_TTL_SECONDS} and {@code DB_POOL_SIZE}. With neither
     * window variable set the window is the defaults' open one; once either is set both are read as the deployed
     * server reads them, so an unset {@code LOCKER_APPLICATION_END} refuses every hold.
     */
    public static ReferenceServerSettings fromEnvironment(Map<String, String> env) {
        ReferenceServerSettings s = defaults();
        OffsetDateTime start = timeOrNull(env, "LOCKER_APPLICATION_START");
        OffsetDateTime end = timeOrNull(env, "LOCKER_APPLICATION_END");
        boolean windowGiven = start != null || end != null;
        return new ReferenceServerSettings(s.accessTokenTtl, s.refreshTokenTtl,
                intOr(env, "HOLD_TTL_SECONDS", s.holdTtlSeconds), s.sweepInterval,
                windowGiven ? start : s.applicationStart, windowGiven ? end : s.applicationEnd,
                intOr(env, "DB_POOL_SIZE", s.dbPoolSize), s.maxOpenConnections,
                env.getOrDefault("JWT_SECRET", s.jwtSecret), s.issuer, s.audience);
    }

    public ReferenceServerSettings withAccessTokenTtl(Duration ttl) {
        return new ReferenceServerSettings(ttl, refreshTokenTtl, holdTtlSeconds, sweepInterval,
                applicationStart, applicationEnd, dbPoolSize, maxOpenConnections, jwtSecret, issuer, audience);
    }

    public ReferenceServerSettings withHoldTtl(int seconds, Duration sweep) {
        return new ReferenceServerSettings(accessTokenTtl, refreshTokenTtl, seconds, sweep,
                applicationStart, applicationEnd, dbPoolSize, maxOpenConnections, jwtSecret, issuer, audience);
    }

    /** The same server with this window; a null {@code end} refuses every hold, as deployed. */
    public ReferenceServerSettings withApplicationWindow(OffsetDateTime start, OffsetDateTime end) {
        return new ReferenceServerSettings(accessTokenTtl, refreshTokenTtl, holdTtlSeconds, sweepInterval,
                start, end, dbPoolSize, maxOpenConnections, jwtSecret, issuer, audience);
    }

    /** The same server, keeping at most {@code connections} open at once. */
    public ReferenceServerSettings withMaxOpenConnections(int connections) {
        return new ReferenceServerSettings(accessTokenTtl, refreshTokenTtl, holdTtlSeconds, sweepInterval,
                applicationStart, applicationEnd, dbPoolSize, connections, jwtSecret, issuer, audience);
    }

    public ReferenceServerSettings withJwtSecret(String secret) {
        return new ReferenceServerSettings(accessTokenTtl, refreshTokenTtl, holdTtlSeconds, sweepInterval,
                applicationStart, applicationEnd, dbPoolSize, maxOpenConnections, secret, issuer, audience);
    }

    ApplicationWindow applicationWindow() {
        return new ApplicationWindow(applicationStart, applicationEnd);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static int intOr(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static OffsetDateTime timeOrNull(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 time such as 2026-03-02T09:00:00+09:00, was '"
                    + value + "'");
        }
    }
}
