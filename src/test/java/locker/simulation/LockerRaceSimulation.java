package locker.simulation;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import locker.scenario.Endpoints;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.gatling.javaapi.core.CoreDsl.*;
import static locker.scenario.SessionKeys.*;

/**
 * The race: RACE_USERS students log in, pick the same free locker (the lowest free id) and hold it
 * at the same instant. Exactly one may win: every hold is answered 201 or 409, and exactly one
 * student (the one answered 201) goes on to confirm, then gives the locker back.
 */
public class LockerRaceSimulation extends Simulation {
    /** Time for every racer to log in and list the lockers before the start signal. */
    private static final Duration LINE_UP_TIME = Duration.ofSeconds(2);

    private final LoadTestRun run = LoadTestRun.start(config -> config.raceUsers);
    private final AtomicReference<Instant> startSignal = new AtomicReference<>();

    {
        Endpoints endpoints = new Endpoints(run.config().requestTimeout);
        int racers = run.config().raceUsers;
        setUp(scenario("Race for one locker")
                .feed(run.students())
                .exec(session -> session.set(JOURNEY_OVER, false))
                .exec(endpoints.logIn(), endpoints.listLockers())
                .exitHereIfFailed()
                .exec(this::pickLowestFreeLocker)
                .pause(this::untilStartSignal)
                .exec(endpoints.hold())
                .doIf(session -> session.getInt(HOLD_STATUS) == 201).then(
                        exec(endpoints.confirm(), endpoints.release()))
                .injectOpen(atOnceUsers(racers)))
                .protocols(run.protocol())
                .maxDuration(run.config().totalTimeout)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details(Endpoints.HOLD).allRequests().count().is((long) racers),
                        details(Endpoints.CONFIRM).allRequests().count().is(1L));
    }

    private Session pickLowestFreeLocker(Session session) {
        List<Integer> free = session.getList(FREE_LOCKERS);
        if (free.isEmpty()) {
            return session.markAsFailed();
        }
        return session.set(LOCKER_ID, free.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }

    private Duration untilStartSignal(Session session) {
        Instant signal = startSignal.updateAndGet(current -> current != null ? current : Instant.now().plus(LINE_UP_TIME));
        Duration wait = Duration.between(Instant.now(), signal);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Override
    public void before() {
        run.before();
    }

    @Override
    public void after() {
        run.after();
    }
}
