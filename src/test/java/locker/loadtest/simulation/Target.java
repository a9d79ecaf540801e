package locker.loadtest.simulation;

import locker.loadtest.results.RunTimeline;
import locker.loadtest.results.RunTimeline.Milestone;
import locker.config.DbTarget;
import locker.config.LoadTestConfig;
import locker.config.RedisTarget;
import locker.loadtest.contractcheck.ContractCheck;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.contractcheck.ContractRow;
import locker.loadtest.results.ExitStatus;
import locker.testdata.RestoreMismatchException;
import locker.testdata.TestDataRefusedException;
import locker.twin.server.ReferenceServerSettings;
import locker.twin.stack.EmbeddedStack;
import locker.twin.stack.ServerWarmUp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a run loads: the server at {@code BASE_URL} with its database and Redis from the settings, or the embedded
 * reference stack started here. Before anything else touches it, the target must pass the pre-flight check
 * ({@link Preflight}); otherwise the JVM ends with {@link ExitStatus#PREFLIGHT_FAILED}, nothing seeded. A server at
 * BASE_URL must then answer as the load test expects ({@link ContractCheck}), or the JVM ends with
 * {@link ExitStatus#CONTRACT_MISMATCH}. {@code databaseReachable}: whether the run has a database for its test data
 * (always, for the embedded stack); {@code contract}: the contract check done before the run, null when none was (the
 * embedded stack, CONTRACT_CHECK=false).
 */
record Target(EmbeddedStack stack, String baseUrl, DbTarget database, RedisTarget redis, boolean databaseReachable,
              ContractReport contract) implements AutoCloseable {
    /**
     * Starts the embedded stack when the settings ask for it, checks the target's health and warms the stack up. A
     * server at BASE_URL must also have a reachable database (unless RUN_WITHOUT_DATABASE) and, unless
     * {@code checkContract} is false or CONTRACT_CHECK turns it off, pass the contract check. Notes in {@code timeline}
     * when the embedded stack started and was warmed up.
     */
    static Target start(LoadTestConfig config, boolean checkContract, RunTimeline timeline) {
        EmbeddedStack stack = null;
        if (config.usesEmbeddedStack()) {
            stack = EmbeddedStack.start();
            timeline.reached(Milestone.STACK_STARTED);
            LoadTestRun.LOG.info(LoadTestRun.STACK_STARTED_LINE, stack.startupMillis(), stack.baseUrl(), stack.dbPort(),
                    stack.redisPort());
        }
        String baseUrl = stack != null ? stack.baseUrl() : config.baseUrl.orElseThrow();
        boolean databaseReachable = stack != null || databaseReachable(config);
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
            timeline.reached(Milestone.WARMED_UP);
        }
        if (stack == null) {
            ContractReport contract = null;
            if (checkContract && !config.contractCheck) {
                contract = ContractReport.skipped(baseUrl, "CONTRACT_CHECK=false");
            } else if (checkContract && !databaseReachable) {
                contract = ContractReport.skipped(baseUrl, "no database (RUN_WITHOUT_DATABASE): the check needs test"
                        + " lockers of its own");
                LoadTestRun.LOG.warn("contract check skipped: it needs the database for test lockers of its own");
            } else if (checkContract) {
                contract = checkContract(config, baseUrl);
            }
            return new Target(null, baseUrl, config.database, config.redis, databaseReachable, contract);
        }
        return new Target(stack, baseUrl,
                new DbTarget(EmbeddedStack.HOST, stack.dbPort(), EmbeddedStack.DB_NAME, EmbeddedStack.DB_USER,
                        EmbeddedStack.DB_PASSWORD),
                new RedisTarget(EmbeddedStack.HOST, stack.redisPort(), null), true, null);
    }

    /**
     * Whether the database of a server at BASE_URL answers. Without it a run could neither seed nor restore: its test
     * users, tokens and lockers would stay on a real server. So it goes on only with RUN_WITHOUT_DATABASE, and is
     * otherwise refused before anything is sent.
     */
    private static boolean databaseReachable(LoadTestConfig config) {
        try (Connection connection = config.database.connect("locker-loadtest pre-flight")) {
            return true;
        } catch (SQLException e) {
            if (!config.runWithoutDatabase) {
                ExitStatus.BAD_SETTINGS.exit("the database " + config.database + " cannot be reached (" + e.getMessage()
                        + "). Without it the run could neither seed nor restore, and its test users, tokens and lockers"
                        + " would stay on the server at " + config.baseUrl.orElseThrow() + ". Nothing was sent. Set"
                        + " DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD, or RUN_WITHOUT_DATABASE=true to run anyway (the"
                        + " run then gives every locker back and logs every token out through the API, and lists what"
                        + " stays on the server).");
            }
            LoadTestRun.LOG.warn("RUN_WITHOUT_DATABASE: the database {} cannot be reached ({}); the run goes on without"
                    + " test data, gives back every locker and logs out every token at its end, and lists what stays",
                    config.database, e.getMessage());
            return false;
        }
    }

    /** The contract check with test data of its own; a mismatch ends the JVM before anything of the load is seeded. */
    private static ContractReport checkContract(LoadTestConfig config, String baseUrl) {
        ContractReport report;
        try {
            report = ContractCheck.withOwnTestData(baseUrl, config.database, config.redis, config.studentIdStart,
                    config.requestTimeout);
        } catch (TestDataRefusedException | RestoreMismatchException | IllegalStateException e) {
            throw ExitStatus.PREFLIGHT_FAILED.exit("the contract check could not use test data of its own, the run stops"
                    + " before seeding: " + e.getMessage());
        }
        if (!report.passed()) {
            System.out.print(report.table());
            ContractRow first = report.firstMismatch().orElseThrow();
            throw ExitStatus.CONTRACT_MISMATCH.exit("contract check failed: " + report.mismatches() + " of "
                    + report.rows().size() + " answers differ from those the load test relies on (first: " + first.behaviour()
                    + ", expected '" + first.expected() + "', got '" + first.got() + "'). The load test would misread"
                    + " them, so the run stops before seeding; the check's own test data was restored. CONTRACT_CHECK=false"
                    + " skips the check.");
        }
        LoadTestRun.LOG.info("contract check passed: {} answers as the load test expects, in {} s",
                report.rows().size(), String.format(java.util.Locale.ROOT, "%.1f", report.seconds()));
        return report;
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
