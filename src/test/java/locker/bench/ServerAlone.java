package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.contract.ApiRoute;
import locker.loadtest.simulation.ReferenceServerBenchmarkSimulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static locker.bench.BenchmarkReport.number;
import static locker.bench.BenchmarkRuns.ordered;
import static locker.bench.Measured.details;
import static locker.bench.Measured.noResults;

/**
 * The reference server alone, in its own process ({@link ReferenceStackProcess}): {@code GET /lockers} and
 * hold → confirm → release, {@value #STUDENTS} students without pause; the server's ceiling, so the rows inform and
 * set no goal.
 */
final class ServerAlone {
    /** The students sending without pause, each with a test locker of its own. */
    static final int STUDENTS = 200;
    private static final String SERVER_LOCKERS = Integer.toString(STUDENTS);
    private static final String SIMULATION = ReferenceServerBenchmarkSimulation.class.getName();
    private final BenchmarkRuns runs;

    ServerAlone(BenchmarkRuns runs) {
        this.runs = runs;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int seconds = runs.options().serverSeconds();
        try (ReferenceStackProcess stack = ReferenceStackProcess.start(runs.project(),
                runs.logs().resolve("reference-server.log"))) {
            Optional<GatlingRun.Server> server = Optional.of(stack.server());
            for (String requests : List.of("list", "cycle")) {
                Map<String, String> settings = new LinkedHashMap<>(stack.clientSettings());
                settings.put("gatling.simulationClass", SIMULATION);
                settings.putAll(ordered("BENCHMARK_REQUESTS", requests, "BENCHMARK_USERS", Integer.toString(STUDENTS),
                        "BENCHMARK_DURATION", Integer.toString(seconds), "TEST_LOCKERS_COUNT", SERVER_LOCKERS));
                // a first round, half as long, whose figures are not kept: the server is measured warm
                Map<String, String> unmeasured = new LinkedHashMap<>(settings);
                unmeasured.put("BENCHMARK_DURATION", Integer.toString(seconds / 2));
                runs.measure("server-" + requests + "-unmeasured", unmeasured, server, List.of());
                Measured run = runs.measure("server-" + requests, settings, server, List.of());
                String figure = "server alone, "
                        + (requests.equals("list") ? ApiRoute.LOCKERS.label() : "hold → confirm → release");
                String command = "SERVER_WARM_UP=" + ReferenceStackProcess.WARM_UP_SECONDS
                        + " scripts/reference-server.sh; ./mvnw gatling:test (once for half the time unmeasured, then measured)"
                        + " -Dgatling.simulationClass=" + SIMULATION
                        + " -DBENCHMARK_REQUESTS=" + requests + " -DBENCHMARK_DURATION=" + seconds
                        + " -DTEST_LOCKERS_COUNT=" + SERVER_LOCKERS + " -DBASE_URL=… -DDB_…=… -DREDIS_…=…";
                if (run.figures() == null) {
                    rows.add(noResults(figure, "–", List.of(run), command));
                    continue;
                }
                RunFigures f = run.figures();
                rows.add(new Row(figure, "– (the ceiling)", number(f.wallRate(), 0) + " req/s, p95 "
                        + number(f.p95(), 3) + " s, " + f.failed() + " failed; CPU s: " + run.cpu(), null,
                        command, details(List.of(run))));
            }
        }
        return rows;
    }
}
