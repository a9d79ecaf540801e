package locker.loadtest.simulation;

import io.gatling.javaapi.core.Session;
import locker.contract.LockerAnswer;
import locker.contract.LockerList;
import locker.loadtest.results.Outcome;
import locker.loadtest.scenario.Endpoints;

import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.*;
import static locker.loadtest.scenario.SessionKeys.*;

/**
 * The race: RACE_USERS students log in, pick the same free locker (the lowest free id), wait until all
 * of them are lined up, and hold it at the same instant. Exactly one may win: every hold is answered
 * 201 or 409 {@value LockerAnswer#ALREADY_HELD_TEXT}, and exactly one student (the one answered 201) goes on to
 * confirm, which must succeed. The deployed server's hold clean-up can expire the winner's fresh hold
 * (deployed-service.md §8 R1): then the winner's confirm is refused, counted as {@code confirm_refused}, and fails
 * the run.
 */
public class LockerRaceSimulation extends LoadTestSimulation {
    public LockerRaceSimulation() {
        super(config -> config.raceUsers);
        Endpoints endpoints = run.endpoints();
        int racers = run.config().raceUsers;
        setUp(scenario("Race for one locker")
                .feed(run.students())
                .exec(endpoints.logIn()).exitHereIfFailed()
                .exec(endpoints.listLockers())
                .exitHereIfFailed()
                .exec(this::pickLowestFreeLocker)
                .exitHereIfFailed()
                .exec(new LineUp(racers).waitForAll())
                .exec(run.record(Outcome.HOLD_ATTEMPTS))
                .exec(endpoints.hold()).exec(run.recordAnswer(HOLD_ANSWER))
                .doIf(session -> session.contains(HOLD_ANSWER) && session.get(HOLD_ANSWER) == LockerAnswer.HELD).then(
                        exec(endpoints.confirm()).exec(run.recordAnswer(CONFIRM_ANSWER)))
                .doIf(session -> session.contains(HOLD_ANSWER) && session.get(HOLD_ANSWER) == LockerAnswer.ALREADY_HELD)
                .then(exec(run.record(Outcome.LOST_RACE)))
                .injectOpen(atOnceUsers(racers)))
                .protocols(run.protocol())
                .maxDuration(run.config().totalTimeout)
                .assertions(
                        global().failedRequests().count().is(0L),
                        details(Endpoints.HOLD).allRequests().count().is((long) racers),
                        details(Endpoints.CONFIRM).allRequests().count().is(1L));
    }

    private Session pickLowestFreeLocker(Session session) {
        List<Integer> free = session.<LockerList>get(LOCKERS).free();
        if (free.isEmpty()) {
            return session.markAsFailed();
        }
        return session.set(LOCKER_ID, free.stream().mapToInt(Integer::intValue).min().orElseThrow());
    }
}
