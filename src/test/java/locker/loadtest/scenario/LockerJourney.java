package locker.loadtest.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import locker.config.LoadTestConfig;
import locker.contract.LockerAnswer;
import locker.contract.LockerList;
import locker.contract.MyLocker;
import locker.loadtest.results.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static io.gatling.javaapi.core.CoreDsl.*;
import static locker.loadtest.scenario.SessionKeys.*;

/**
 * A student's way through the rush, in the original's six steps: log in, list lockers, hold one, think,
 * confirm or give it up, check "my locker". A step runs only while the journey goes on: no free
 * locker, a lost race, giving the locker back or a failed request end it.
 */
public final class LockerJourney {
    private final Endpoints endpoints;
    private final Outcomes outcomes;
    private final StudentLog log;
    private final LoadTestConfig config;
    private final Consumer<String> accessTokens;

    /** {@code accessTokens} is told every access token a student receives (the restorer removes their traces). */
    public LockerJourney(LoadTestConfig config, Outcomes outcomes, Consumer<String> accessTokens) {
        this.config = config;
        this.outcomes = outcomes;
        this.accessTokens = accessTokens;
        this.endpoints = new Endpoints(config.requestTimeout);
        this.log = new StudentLog(config.perUserLogging);
    }

    /** The six steps, for a student already fed into the session. */
    public ChainBuilder journey() {
        return exec(this::start)
                .exec(step(logIn()))
                .exec(step(listLockers()))
                .exec(step(holdLocker()))
                .exec(step(think()))
                .exec(step(confirmOrGiveUp()))
                .exec(step(checkMyLocker()));
    }

    /** Gives a confirmed locker back, so that a repeating student (soak) does not drain the lockers. */
    public ChainBuilder releaseMyLocker() {
        return step(exec(endpoints.release())
                .exec(session -> recordIfOk(session, Outcome.RELEASED, "Released locker " + session.getInt(LOCKER_ID))));
    }

    /** 1. Log in with the student's identity; keep the token. */
    ChainBuilder logIn() {
        return exec(endpoints.logIn())
                .exec(session -> {
                    if (session.isFailed()) {
                        return session;
                    }
                    accessTokens.accept(session.getString(ACCESS_TOKEN));
                    return log.say(session, "Login successful");
                });
    }

    /** 2. List the lockers and remember which have no owner. */
    ChainBuilder listLockers() {
        return exec(endpoints.listLockers())
                .exec(session -> session.isFailed() ? session : log.say(session,
                        () -> "Got " + session.<LockerList>get(LOCKERS).count() + " lockers (" + freeLockers(session).size() + " free)"));
    }

    /** 3. Hold a random free locker; after a lost race, try up to HOLD_RETRIES others. */
    ChainBuilder holdLocker() {
        return exec(session -> session.set(HOLD_ATTEMPTS, 0).set(HELD, false).set(TRIED_LOCKERS, List.of())
                        .remove(HOLD_ANSWER).remove(CONFIRM_ANSWER).remove(GIVE_UP_ANSWER))
                .asLongAs(this::shouldTryToHold).on(
                        exec(this::pickFreeLocker)
                                .doIf(session -> session.contains(LOCKER_ID)).then(
                                        exec(session -> session.remove(HOLD_ANSWER))
                                                .exec(endpoints.hold()).exec(this::recordHoldAnswer)))
                .exec(this::endUnlessHeld);
    }

    /** 4. Think it over, as a person would. */
    ChainBuilder think() {
        return pause(config.thinkTimeMin, config.thinkTimeMax);
    }

    /** 5. Confirm the locker (CONFIRMATION_RATE of students), or give it back. */
    ChainBuilder confirmOrGiveUp() {
        ChainBuilder confirm = exec(endpoints.confirm()).exec(session -> recordAnswer(session, CONFIRM_ANSWER));
        ChainBuilder giveUp = exec(endpoints.releaseHold())
                .exec(session -> recordAnswer(session, GIVE_UP_ANSWER).set(JOURNEY_OVER, true));
        if (config.confirmationRate >= 1) {
            return confirm;
        }
        if (config.confirmationRate <= 0) {
            return giveUp;
        }
        return randomSwitchOrElse().on(percent(config.confirmationRate * 100).then(confirm)).orElse(giveUp);
    }

    /** 6. Check that "my locker" is the confirmed one, owned by this student. */
    ChainBuilder checkMyLocker() {
        return exec(endpoints.myLocker()).exec(this::recordOwnership);
    }

    private Session start(Session session) {
        return log.say(session.markAsSucceeded().set(JOURNEY_OVER, false).remove(LOCKER_ID), "Starting scenario");
    }

    /** Runs the chain only while the journey goes on. */
    private static ChainBuilder step(ChainBuilder chain) {
        return doIf(session -> !session.getBoolean(JOURNEY_OVER) && !session.isFailed()).then(chain);
    }

    private boolean shouldTryToHold(Session session) {
        return !session.getBoolean(HELD) && !session.isFailed()
                && session.getInt(HOLD_ATTEMPTS) <= config.holdRetries
                && !untriedFreeLockers(session).isEmpty();
    }

    private Session pickFreeLocker(Session session) {
        List<Integer> candidates = untriedFreeLockers(session);
        int lockerId = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        outcomes.record(Outcome.HOLD_ATTEMPTS);
        return log.say(session.set(LOCKER_ID, lockerId), () -> "Attempting to hold locker " + lockerId);
    }

    private Session recordHoldAnswer(Session session) {
        int lockerId = session.getInt(LOCKER_ID);
        Session next = session.set(HOLD_ATTEMPTS, session.getInt(HOLD_ATTEMPTS) + 1);
        if (!session.contains(HOLD_ANSWER)) {
            return next;
        }
        LockerAnswer answer = session.get(HOLD_ANSWER);
        outcomes.recordAnswer(answer);
        switch (answer) {
            case HELD -> {
                return log.say(next.set(HELD, true), () -> "Successfully held locker " + lockerId);
            }
            case ALREADY_HELD -> {
                List<Integer> tried = new ArrayList<>(session.getList(TRIED_LOCKERS));
                tried.add(lockerId);
                return log.say(next.set(TRIED_LOCKERS, tried), () -> "Lost the race for locker " + lockerId + " (409)");
            }
            case HOLD_REFUSED_BY_DB -> {
                return log.say(next, () -> "Hold of locker " + lockerId + " refused by the database (409)");
            }
            default -> {
                return next;
            }
        }
    }

    private Session endUnlessHeld(Session session) {
        if (session.getBoolean(HELD) || session.isFailed()) {
            return session;
        }
        if (session.getInt(HOLD_ATTEMPTS) == 0) {
            outcomes.record(Outcome.NO_LOCKER_AVAILABLE);
            return log.say(session.set(JOURNEY_OVER, true), "No locker available");
        }
        outcomes.record(Outcome.LOST_RACE);
        return log.say(session.set(JOURNEY_OVER, true), () -> "Lost the race after " + session.getInt(HOLD_ATTEMPTS)
                + " attempt(s)");
    }

    /** Counts what the answer to a confirm or a give-up under {@code answerKey} means, and says it. */
    private Session recordAnswer(Session session, String answerKey) {
        if (!session.contains(answerKey)) {
            return session;
        }
        LockerAnswer answer = session.get(answerKey);
        outcomes.recordAnswer(answer);
        int lockerId = session.getInt(LOCKER_ID);
        return switch (answer) {
            case CONFIRMED -> log.say(session, () -> "Confirmed locker " + lockerId);
            case CONFIRM_REFUSED -> log.say(session, () -> "Confirm of held locker " + lockerId + " refused (409)");
            case GAVE_UP -> log.say(session, () -> "Gave up locker " + lockerId);
            case GIVE_UP_REFUSED -> log.say(session, () -> "Give-up of held locker " + lockerId + " refused (404)");
            default -> session;
        };
    }

    private Session recordOwnership(Session session) {
        boolean verified = !session.isFailed() && session.contains(MY_LOCKER_SHOWN)
                && session.<MyLocker>get(MY_LOCKER_SHOWN).shows(session.getInt(LOCKER_ID), session.getString(STUDENT_ID));
        outcomes.record(verified ? Outcome.OWNERSHIP_VERIFIED : Outcome.OWNERSHIP_MISMATCHED);
        return log.say(session, () -> (verified ? "Verified ownership of locker " : "My locker does not show locker ")
                + session.getInt(LOCKER_ID));
    }

    private Session recordIfOk(Session session, Outcome outcome, String message) {
        if (session.isFailed()) {
            return session;
        }
        outcomes.record(outcome);
        return log.say(session, message);
    }

    private static List<Integer> freeLockers(Session session) {
        return session.contains(LOCKERS) ? session.<LockerList>get(LOCKERS).free() : List.of();
    }

    private static List<Integer> untriedFreeLockers(Session session) {
        List<Integer> untried = new ArrayList<>(freeLockers(session));
        untried.removeAll(session.contains(TRIED_LOCKERS) ? session.getList(TRIED_LOCKERS) : List.of());
        return untried;
    }
}
