package locker.loadtest.simulation;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import locker.config.BenchmarkRequests;
import locker.config.LoadTestConfig;
import locker.contract.LockerAnswer;
import locker.contract.LockerList;
import locker.loadtest.results.Outcome;
import locker.loadtest.scenario.Endpoints;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.*;
import static locker.loadtest.scenario.SessionKeys.CONFIRM_ANSWER;
import static locker.loadtest.scenario.SessionKeys.LOCKERS;
import static locker.loadtest.scenario.SessionKeys.LOCKER_ID;

/**
 * The server's ceiling: BENCHMARK_USERS students send BENCHMARK_REQUESTS over and over, without pause, for
 * BENCHMARK_DURATION. {@code list} repeats {@code GET /lockers}; {@code cycle} holds, confirms and releases a
 * locker of the student's own, so that no two students compete. Logging in and the first list are not
 * counted; any failed request fails the run.
 */
public class ReferenceServerBenchmarkSimulation extends LoadTestSimulation {
    private final AtomicInteger lockersTaken = new AtomicInteger();

    public ReferenceServerBenchmarkSimulation() {
        super(config -> config.benchmarkUsers);
        LoadTestConfig config = run.config();
        Endpoints endpoints = run.endpoints();
        int users = config.benchmarkUsers;
        boolean cycle = config.benchmarkRequests == BenchmarkRequests.CYCLE;
        ChainBuilder repeated = cycle
                ? exec(endpoints.hold(LockerAnswer.HELD), endpoints.confirm()).exec(run.recordAnswer(CONFIRM_ANSWER))
                        .exec(endpoints.release()).exec(run.record(Outcome.RELEASED))
                : exec(endpoints.listLockers());
        ChainBuilder takeALocker = exec(this::takeALockerOfOwn).exec(crashLoadGeneratorIf(
                "fewer free lockers than BENCHMARK_USERS: raise TEST_LOCKERS_COUNT", session -> !session.contains(LOCKER_ID)));
        setUp(scenario("Reference server benchmark: " + config.benchmarkRequests.name().toLowerCase())
                .feed(run.students())
                .exec(endpoints.logIn().silent()).exitHereIfFailed()
                .exec(endpoints.listLockers().silent())
                .exitHereIfFailed()
                // everyone lists before anyone holds, so that all see the same free lockers and take different ones
                .exec(new LineUp(users).waitForAll())
                .doIf(session -> cycle).then(takeALocker)
                // a cycle begun is finished, so that no locker stays taken
                .during(config.benchmarkDuration, false).on(repeated)
                .injectOpen(atOnceUsers(users)))
                .protocols(run.protocol())
                .maxDuration(config.totalTimeout)
                .assertions(global().failedRequests().count().is(0L));
    }

    /**
     * A free locker no other student of the run takes, counted from the end of the list: the lockers the run seeded
     * come last (their ids are above every other), so a run with test data leaves the server's own lockers alone, and
     * with them any hold that someone else, or an earlier run without a database, left on one.
     */
    private Session takeALockerOfOwn(Session session) {
        List<Integer> free = session.<LockerList>get(LOCKERS).free();
        int index = lockersTaken.getAndIncrement();
        return index < free.size() ? session.set(LOCKER_ID, free.get(free.size() - 1 - index)) : session;
    }
}
