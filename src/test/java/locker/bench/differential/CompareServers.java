package locker.bench.differential;

import locker.bench.differential.CaseResult.Side;
import locker.bench.differential.DifferentialReport.Document;
import locker.bench.differential.DifferentialReport.RaceRow;
import locker.bench.differential.Races.Frequency;
import locker.contract.ApiRoute;
import locker.loadtest.results.CommandLine;
import locker.loadtest.results.ExitStatus;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code scripts/compare_servers.sh}: the differential comparison of two locker servers (the deployed one and the
 * twin). Every case runs on A, then on B, each after a reset of that target, and their normalised answers and rows
 * are compared; then the race frequencies are counted on each in turn. Exit statuses: {@link #NO_CLIENT_DIFFERENCE},
 * {@link #CLIENT_DIFFERENCE}, {@link ExitStatus#BAD_SETTINGS} (bad arguments or a refused target, nothing changed),
 * {@link #TARGET_FAILED}.
 */
public final class CompareServers {
    public static final int NO_CLIENT_DIFFERENCE = 0;
    public static final int CLIENT_DIFFERENCE = 1;
    public static final int TARGET_FAILED = 3;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final CompareOptions options;
    private final PrintStream console;

    CompareServers(CompareOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) {
        if (CommandLine.asksForHelp(args)) {
            System.out.print(CompareOptions.USAGE);
            return;
        }
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            throw ExitStatus.BAD_SETTINGS.exit("compare_servers: " + e.getMessage().replace("\n", "\ncompare_servers: "));
        }
        Document document;
        try {
            document = new CompareServers(options, System.out).run();
        } catch (TargetState.Refused e) {
            throw ExitStatus.BAD_SETTINGS.exit("compare_servers: refused, nothing was changed: " + e.getMessage());
        } catch (TargetState.Lost e) {
            System.out.flush();
            System.err.println("compare_servers: " + e.getMessage());
            System.exit(TARGET_FAILED);
            return;
        }
        System.exit(document.exitStatus());
    }

    /** Runs the comparison, prints the table and writes the JSON file. */
    Document run() throws TargetState.Refused {
        ServerTarget a = options.a();
        ServerTarget b = options.b();
        Instant started = Instant.now();
        WireClient clientA = new WireClient(a.baseUrl(), ANSWER_TIMEOUT, options.noAnswer());
        WireClient clientB = new WireClient(b.baseUrl(), ANSWER_TIMEOUT, options.noAnswer());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(Races.SAME_LOCKER_STUDENTS, Races.RANDOM_LOCKER_STUDENTS));
        try (TargetState stateA = TargetState.connect(a); TargetState stateB = TargetState.connect(b)) {
            stateA.refuseUnlessOnlyTestStudents();
            stateB.refuseUnlessOnlyTestStudents();
            refuseUnlessAnswering(a, clientA);
            refuseUnlessAnswering(b, clientB);

            List<CaseResult> cases = compareCases(a, b, clientA, clientB, stateA, stateB);
            List<RaceRow> races = new ArrayList<>();
            String commitsA = stateA.commits();
            String commitsB = stateB.commits();
            if (options.rounds() > 0) {
                console.printf("races: %d rounds each, every round on %s and on %s in turn%n", options.rounds(), a.name(),
                        b.name());
                if (!commitsA.equals(commitsB)) {
                    console.printf("races: WARNING the two databases commit differently (%s: %s; %s: %s); a commit that"
                            + " waits for the disk narrows the race windows, so the frequencies compare the databases"
                            + " as much as the servers: set both alike%n", a.name(), commitsA, b.name(), commitsB);
                }
                List<List<Frequency>> measured = new Races(options.rounds(), pool)
                        .measure(new Races.Target(clientA, stateA), new Races.Target(clientB, stateB));
                List<Frequency> onA = measured.get(0);
                List<Frequency> onB = measured.get(1);
                for (int i = 0; i < onA.size(); i++) {
                    races.add(new RaceRow(onA.get(i).key(), onA.get(i).description(), onA.get(i), onB.get(i)));
                }
            }
            stateA.reset();
            stateB.reset();

            int clientVisible = (int) cases.stream().filter(c -> c.differs() && c.client()).count();
            int status = clientVisible == 0 ? NO_CLIENT_DIFFERENCE : CLIENT_DIFFERENCE;
            Map<String, Map<String, String>> targets = new LinkedHashMap<>();
            targets.put("a", withCommits(a.description(), commitsA));
            targets.put("b", withCommits(b.description(), commitsB));
            Document document = new Document(OffsetDateTime.ofInstant(started, ZoneOffset.UTC).toString(),
                    Duration.between(started, Instant.now()).toSeconds(), targets, options.rounds(),
                    DifferentialReport.summary(cases), clientVisible, status, cases, races);
            console.println();
            console.print(DifferentialReport.console(document, a.name(), b.name()));
            DifferentialReport.write(document, options.out());
            console.println("\nwritten: " + options.out().toAbsolutePath());
            console.println(status == NO_CLIENT_DIFFERENCE
                    ? "no difference a client could meet (exit status " + NO_CLIENT_DIFFERENCE + ")"
                    : clientVisible + " case(s) with a difference a client could meet (exit status "
                            + CLIENT_DIFFERENCE + ")");
            console.flush();
            return document;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> withCommits(Map<String, String> description, String commits) {
        Map<String, String> all = new LinkedHashMap<>(description);
        all.put("databaseCommits", commits);
        return all;
    }

    private List<CaseResult> compareCases(ServerTarget a, ServerTarget b, WireClient clientA, WireClient clientB,
                                          TargetState stateA, TargetState stateB) {
        List<CaseGroup> groups = Cases.all(options.kinds());
        boolean bothKeys = a.jwtSecret() != null && b.jwtSecret() != null;
        console.printf("%d cases, each run on %s then on %s after a reset of that target%n",
                groups.stream().mapToInt(g -> g.cases().size()).sum(), a.name(), b.name());
        List<CaseResult> results = new ArrayList<>();
        CaseKind current = null;
        for (CaseGroup group : groups) {
            if (group.kind() != current) {
                current = group.kind();
                console.println("  " + current.label());
            }
            List<Side> onA = runGroup(group, clientA, stateA, a.jwtSecret(), bothKeys);
            List<Side> onB = runGroup(group, clientB, stateB, b.jwtSecret(), bothKeys);
            for (int i = 0; i < group.cases().size(); i++) {
                DiffCase diffCase = group.cases().get(i);
                results.add(onA.get(i) == null
                        ? CaseResult.skipped(diffCase, "forges tokens; needs both targets' signing keys (--a-jwt-secret, --b-jwt-secret)")
                        : CaseResult.compared(diffCase, onA.get(i), onB.get(i)));
            }
        }
        return results;
    }

    /** The group's cases on one target after one reset; null for a case skipped for want of signing keys. */
    private static List<Side> runGroup(CaseGroup group, WireClient client, TargetState state, String jwtSecret,
                                       boolean bothKeys) {
        state.reset();
        CaseRun.GroupState shared = new CaseRun.GroupState(new Normaliser(client.authority()));
        List<Side> sides = new ArrayList<>();
        for (DiffCase diffCase : group.cases()) {
            if (diffCase.needsSecret() && !bothKeys) {
                sides.add(null);
                continue;
            }
            CaseRun run = new CaseRun(client, shared, jwtSecret);
            try {
                diffCase.script().run(run);
            } catch (CaseRun.Stopped e) {
                run.stopped(e.getMessage());
            } catch (TargetState.Lost e) {
                throw e;
            } catch (RuntimeException e) {
                run.stopped("the case failed: " + e);
            }
            sides.add(new Side(run.exchanges(), state.snapshot(shared.normaliser())));
        }
        return sides;
    }

    private static void refuseUnlessAnswering(ServerTarget target, WireClient client) throws TargetState.Refused {
        WireAnswer answer = client.exchange(WireRequest.get(ApiRoute.HEALTH.fullPath()));
        if (!answer.answered()) {
            throw new TargetState.Refused(target.name() + ": " + target.baseUrl() + " does not answer GET "
                    + ApiRoute.HEALTH.fullPath() + " (" + answer.outcome().text()
                    + (answer.detail().isEmpty() ? "" : ": " + answer.detail()) + ")");
        }
    }
}
