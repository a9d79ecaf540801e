package locker.loadtest.simulation;

import locker.contract.LockerAnswer;
import locker.contract.LockerList;
import locker.loadtest.results.Outcome;
import locker.loadtest.scenario.Endpoints;

import static io.gatling.javaapi.core.CoreDsl.*;
import static locker.loadtest.scenario.SessionKeys.CONFIRM_ANSWER;
import static locker.loadtest.scenario.SessionKeys.GIVE_UP_ANSWER;
import static locker.loadtest.scenario.SessionKeys.HOLD_ANSWER;
import static locker.loadtest.scenario.SessionKeys.LOCKERS;
import static locker.loadtest.scenario.SessionKeys.LOCKER_ID;

/**
 * One student through every step and back: log in, list, hold and give back, hold again, confirm,
 * check "my locker", release, and see that "my locker" is empty again. For CI and for a first look
 * at a new server; any failed request fails the run, and the student stops at the first one (the results then
 * name the one answer that went wrong, not the steps that could not work after it).
 */
public class SmokeSimulation extends LoadTestSimulation {
    /** One student, who walks through every step once. */
    static final int STUDENTS = 1;

    public SmokeSimulation() {
        super(config -> STUDENTS);
        Endpoints endpoints = run.endpoints();
        setUp(scenario("Smoke")
                .feed(run.students())
                .exec(endpoints.logIn()).exitHereIfFailed()
                .exec(endpoints.listLockers())
                .exitHereIfFailed()
                .exec(session -> session.set(LOCKER_ID, session.<LockerList>get(LOCKERS).free().get(0)))
                .exec(endpoints.hold(LockerAnswer.HELD)).exec(run.recordAnswer(HOLD_ANSWER)).exitHereIfFailed()
                .exec(endpoints.releaseHold()).exec(run.recordAnswer(GIVE_UP_ANSWER)).exitHereIfFailed()
                .exec(endpoints.hold(LockerAnswer.HELD)).exec(run.recordAnswer(HOLD_ANSWER)).exitHereIfFailed()
                .exec(endpoints.confirm()).exec(run.recordAnswer(CONFIRM_ANSWER)).exitHereIfFailed()
                .exec(endpoints.myLocker()).exitHereIfFailed()
                .exec(endpoints.release()).exitHereIfFailed().exec(run.record(Outcome.RELEASED))
                .exec(endpoints.myLockerIsEmpty())
                .injectOpen(atOnceUsers(STUDENTS)))
                .protocols(run.protocol())
                .maxDuration(run.config().totalTimeout)
                .assertions(global().failedRequests().count().is(0L));
    }
}
