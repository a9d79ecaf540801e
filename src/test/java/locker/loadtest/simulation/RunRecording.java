package locker.loadtest.simulation;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import locker.config.LoadTestConfig;
import locker.loadtest.anomalies.AnomalyReport;
import locker.loadtest.anomalies.InvariantResult;
import locker.loadtest.capacity.CapacityGoals;
import locker.loadtest.capacity.CapacityPlan;
import locker.loadtest.capacity.CapacitySearch;
import locker.loadtest.contractcheck.ContractReport;
import locker.loadtest.generator.GeneratorReport;
import locker.loadtest.generator.GeneratorSampler;
import locker.loadtest.metrics.ServerMetrics;
import locker.loadtest.metrics.ServerMetricsSampler;
import locker.loadtest.results.RunTimeline;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.RunContext;
import locker.loadtest.results.export.ExportAtExit;
import locker.loadtest.scenario.Outcomes;
import locker.testdata.TestDataSummary;
import locker.twin.server.ReferenceServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a run records beside Gatling's own statistics: the scenario's outcomes, the server's metrics and the load
 * generator's self-check, sampled each second, and the capacity search's levels (PROFILE=capacity). At the end it
 * hands them, with the invariants and the test data's fate, to the results export.
 */
final class RunRecording {
    /** What the samplers gathered; either is null when sampling never started. */
    record Sampled(GeneratorReport generator, ServerMetrics serverMetrics) {}

    private final LoadTestConfig config;
    private final Target target;
    private final Outcomes outcomes = new Outcomes();
    private ServerMetricsSampler metrics;
    private CapacitySearch capacitySearch;
    private GeneratorSampler generatorSampler;
    private ContractReport contract;

    RunRecording(LoadTestConfig config, Target target) {
        this.config = config;
        this.target = target;
    }

    Outcomes outcomes() {
        return outcomes;
    }

    Function<Session, Session> record(Outcome outcome) {
        return session -> {
            if (!session.isFailed()) {
                outcomes.record(outcome);
            }
            return session;
        };
    }

    /** A session step that counts what the {@code LockerAnswer} under {@code answerKey} means, when there is one. */
    Function<Session, Session> recordAnswer(String answerKey) {
        return session -> {
            if (session.contains(answerKey)) {
                outcomes.recordAnswer(session.get(answerKey));
            }
            return session;
        };
    }

    /** The contract check done before the run, or by the run itself, for the results. */
    void contractChecked(ContractReport report) {
        contract = report;
    }

    CapacitySearch capacitySearch() {
        if (capacitySearch == null) {
            capacitySearch = new CapacitySearch(CapacityPlan.of(config), CapacityGoals.of(config), outcomes::asMap);
        }
        return capacitySearch;
    }

    void startSampling() {
        metrics = new ServerMetricsSampler(metricsConnection(), target.redis().connectIfAnswering(), target.embedded(),
                Duration.ofSeconds(1));
        generatorSampler = GeneratorSampler.start();
    }

    /** Stops the samplers; {@code requestEndMillis} is when each of the run's requests ended. */
    Sampled stopSampling(long[] requestEndMillis) {
        return new Sampled(stopGeneratorSampler(requestEndMillis), stopMetrics());
    }

    /**
     * Leaves the capacity record and the generator report in the run's report folder and hands the run's context
     * to the results export, which runs once Gatling has written its report.
     */
    void export(Simulation simulation, Sampled sampled, boolean connected, List<InvariantResult> invariants,
                AnomalyReport anomalies, TestDataSummary testData, RunTimeline timeline) {
        LoadTestRun.LOG.info("outcomes: {}", outcomes.asMap());
        Map<String, Object> described = new LinkedHashMap<>(config.describe());
        described.put("base_url", target.baseUrl());
        ExportAtExit.afterRun(simulation, new RunContext(described, outcomes.asMap(), connected, invariants,
                sampled.serverMetrics(), testData, anomalies, contract, timeline.moments()), capacitySearch == null ? null : capacitySearch.record(),
                sampled.generator());
    }

    private GeneratorReport stopGeneratorSampler(long[] requestEndMillis) {
        if (generatorSampler == null) {
            return null;
        }
        GeneratorReport report = generatorSampler.stop(config.generatorSaturation == LoadTestConfig.GeneratorSaturation.FAIL,
                requestEndMillis);
        report.warning().ifPresent(LoadTestRun.LOG::warn);
        if (report.sizing() != null && !report.saturated()) {
            LoadTestRun.LOG.info("load generator: {}", report.sizing().describe());
        }
        return report;
    }

    private ServerMetrics stopMetrics() {
        if (metrics == null) {
            return null;
        }
        metrics.close();
        Map<String, Object> pools = new LinkedHashMap<>();
        pools.put("gatling_connections", config.maxConnections == 0 ? "one per student" : config.maxConnections);
        target.serverSettings().ifPresent(server -> {
            pools.put("server_db_pool", server.dbPoolSize());
            pools.put("server_threads", "one per connection, " + ReferenceServer.threadsRunningAtOnce()
                    + " running at once");
        });
        return metrics.results(pools);
    }

    private Optional<Connection> metricsConnection() {
        try {
            return Optional.of(target.database().connect("locker-loadtest server metrics"));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
