package locker.twin.server;

import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.testsupport.GatedStack;
import locker.testsupport.GatedStack.Interleaved;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.HeldSteps;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races of deployed-service.md §8 (R1 … R11) on the twin's own non-atomic steps, each provoked in one order on
 * purpose: a {@link HeldSteps} gate holds one request (or the sweep) between two of its real steps while another
 * request runs, then lets it go. The gate only orders real steps; every answer, row and key checked is what the
 * server really did. The sweep's timer is set to an hour, so the sweep runs only when a test runs it. Where a race
 * needs a hold key to have run out, the test deletes the key, which is all its expiry does.
 */
class RacesIT {
    @RegisterExtension
    static final GatedStack STACK = new GatedStack();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    /** R1: B's clean-up finds no key, A's hold lands, B's clean-up UPDATE then expires A's fresh hold. */
    @Test
    void r1TheHoldCleanUpExpiresAHoldMadeBetweenItsExistsAndItsUpdate() {
        Session a = holdExpiredByAnotherStudentsCleanUp(101);

        assertThat(inspector.assignmentStates(a.serialId(), 101)).containsExactly("expired");
        assertThat(inspector.redisValue(RedisKeys.hold(101))).contains(Long.toString(a.serialId()));
        ApiResponse aConfirm = api.confirm(a, 101);
        assertThat(aConfirm.status()).isEqualTo(409);
        assertThat(aConfirm.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(api.hold(api.newSession(), 101).error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
    }

    /** R1 seen by a student who gives up: the hold answered 201 is already gone, release-hold answers 404. */
    @Test
    void r1AHoldExpiredByTheCleanUpCannotBeGivenBackEither() {
        Session a = holdExpiredByAnotherStudentsCleanUp(501);

        ApiResponse aGiveUp = api.releaseHold(a, 501);
        assertThat(aGiveUp.status()).isEqualTo(404);
        assertThat(aGiveUp.error()).isEqualTo(LockerAnswer.NO_HOLD_TEXT);
        assertThat(inspector.assignmentStates(a.serialId(), 501)).containsExactly("expired");
    }

    /** A's hold of the locker, answered 201, expired by B's clean-up that found no key just before it (R1). */
    private Session holdExpiredByAnotherStudentsCleanUp(int lockerId) {
        Session a = api.newSession();
        Session b = api.newSession();
        Interleaved<ApiResponse> holds = STACK.whileHeld(StepGate.Step.HOLD_CLEANUP_FOUND_NO_KEY, lockerId,
                () -> api.hold(b, lockerId), () -> api.hold(a, lockerId));

        assertThat(holds.meanwhile().status()).isEqualTo(201);
        assertThat(holds.held().status()).isEqualTo(409);
        assertThat(holds.held().error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        return a;
    }

    /** R2: the sweep finds X's key gone; A's hold lands before the sweep's UPDATE, which then expires A's hold. */
    @Test
    void r2TheSweepExpiresAHoldMadeBetweenItsExistsAndItsUpdate() {
        Session x = api.newSession();
        Session a = api.newSession();
        assertThat(api.hold(x, 102).status()).isEqualTo(201);
        keyRunsOut(102);
        HeldSteps.Held sweepAfterExists = STACK.gate().hold(StepGate.Step.SWEEP_FOUND_NO_KEY, 102);
        CompletableFuture<Void> sweep = STACK.runAsync(STACK.stack().server()::sweepHoldsNow);
        sweepAfterExists.awaitArrival();

        ApiResponse aHold = api.hold(a, 102);
        sweepAfterExists.letGo();
        sweep.join();

        assertThat(aHold.status()).isEqualTo(201);
        assertThat(inspector.assignmentStates(x.serialId(), 102)).containsExactly("expired");
        assertThat(inspector.assignmentStates(a.serialId(), 102)).containsExactly("expired");
        ApiResponse aConfirm = api.confirm(a, 102);
        assertThat(aConfirm.status()).isEqualTo(409);
        assertThat(aConfirm.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(102))).contains(Long.toString(a.serialId()));
    }

    /** R3: X's key runs out after C's clean-up saw it but before C's SET NX; X's row is still 'hold'. */
    @Test
    void r3AKeyRunningOutBetweenTheCleanUpAndTheSetNxGivesTheDbMessage() {
        Session x = api.newSession();
        Session c = api.newSession();
        assertThat(api.hold(x, 103).status()).isEqualTo(201);
        ApiResponse cAnswer = STACK.answerHeldWhile(StepGate.Step.HOLD_BEFORE_SETNX, 103, () -> api.hold(c, 103),
                () -> keyRunsOut(103));

        assertThat(cAnswer.status()).isEqualTo(409);
        assertThat(cAnswer.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(103))).isEmpty();
        assertThat(inspector.assignmentStates(x.serialId(), 103)).containsExactly("hold");
        assertThat(inspector.assignmentStates(c.serialId(), 103)).isEmpty();
    }

    /** R5: the DEL that follows the commit of a release-hold, or of a release, removes the key of a newer holder. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"release-hold", "release"})
    void r5TheDelAfterTheCommitRemovesTheKeyOfANewerHolder(String route) {
        boolean release = route.equals("release");
        int lockerId = release ? 105 : 104;
        Session x = api.newSession();
        Session b = api.newSession();
        assertThat(api.hold(x, lockerId).status()).isEqualTo(201);
        if (release) {
            assertThat(api.confirm(x, lockerId).status()).isEqualTo(200);
        }
        keyRunsOut(lockerId);
        Interleaved<ApiResponse> answers = STACK.whileHeld(
                release ? StepGate.Step.RELEASE_BEFORE_DEL : StepGate.Step.RELEASE_HOLD_BEFORE_DEL, lockerId,
                () -> release ? api.release(x, lockerId) : api.releaseHold(x, lockerId), () -> api.hold(b, lockerId));

        assertThat(answers.held().status()).isEqualTo(200);
        assertThat(answers.meanwhile().status()).isEqualTo(201);
        assertNewerHoldLostItsKeyAndIsExpiredByTheNextHold(b, lockerId);
    }

    /** R7: a second confirm by the same student waits on the row lock and re-reads a row no longer 'hold'. */
    @Test
    void r7TheSecondOfTwoConfirmsWaitsForTheFirstAndFindsNoHold() {
        Session a = api.newSession();
        assertThat(api.hold(a, 106).status()).isEqualTo(201);
        HeldSteps.Held firstBetweenUpdates = STACK.gate().hold(StepGate.Step.CONFIRM_BETWEEN_UPDATES, 106);
        CompletableFuture<ApiResponse> first = STACK.async(() -> api.confirm(a, 106));
        firstBetweenUpdates.awaitArrival();

        CompletableFuture<ApiResponse> second = STACK.async(() -> api.confirm(a, 106));
        awaitOneStatementWaitingForALock();
        firstBetweenUpdates.letGo();

        assertThat(first.join().status()).isEqualTo(200);
        ApiResponse secondAnswer = second.join();
        assertThat(secondAnswer.status()).isEqualTo(409);
        assertThat(secondAnswer.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.assignmentStates(a.serialId(), 106)).containsExactly("confirmed");
        assertThat(inspector.lockerOwner(106).get("owner_serial_id")).isEqualTo(a.serialId());
    }

    /** R8, confirm first: the sweep's UPDATE waits on the confirm's row lock and then finds no 'hold' row. */
    @Test
    void r8AConfirmThatLocksTheRowFirstWinsOverTheSweep() {
        Session a = api.newSession();
        assertThat(api.hold(a, 201).status()).isEqualTo(201);
        keyRunsOut(201);
        HeldSteps.Held confirmBetweenUpdates = STACK.gate().hold(StepGate.Step.CONFIRM_BETWEEN_UPDATES, 201);
        CompletableFuture<ApiResponse> confirm = STACK.async(() -> api.confirm(a, 201));
        confirmBetweenUpdates.awaitArrival();

        CompletableFuture<Void> sweep = STACK.runAsync(STACK.stack().server()::sweepHoldsNow);
        awaitOneStatementWaitingForALock();
        confirmBetweenUpdates.letGo();
        sweep.join();

        assertThat(confirm.join().status()).isEqualTo(200);
        assertThat(inspector.assignmentStates(a.serialId(), 201)).containsExactly("confirmed");
        assertThat(inspector.lockerOwner(201).get("owner_serial_id")).isEqualTo(a.serialId());
    }

    /** R8, expiry first: another student's hold clean-up expires the row before the confirm's UPDATE reaches it. */
    @Test
    void r8ACleanUpThatExpiresTheRowFirstWinsOverTheConfirm() {
        Session a = api.newSession();
        Session c = api.newSession();
        assertThat(api.hold(a, 202).status()).isEqualTo(201);
        keyRunsOut(202);
        Interleaved<ApiResponse> answers = STACK.whileHeld(StepGate.Step.CONFIRM_BEFORE_UPDATES, 202,
                () -> api.confirm(a, 202), () -> api.hold(c, 202));

        assertThat(answers.meanwhile().status()).isEqualTo(201);
        assertThat(answers.held().status()).isEqualTo(409);
        assertThat(answers.held().error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.assignmentStates(a.serialId(), 202)).containsExactly("expired");
        assertThat(inspector.assignmentStates(c.serialId(), 202)).containsExactly("hold");
    }

    /** R9: a holder's SET NX on a second locker succeeds before its INSERT fails; meanwhile others are refused. */
    @Test
    void r9AHolderBrieflyBlocksASecondLockerWithAKeyItsInsertThenGivesBack() {
        Session a = api.newSession();
        Session b = api.newSession();
        assertThat(api.hold(a, 301).status()).isEqualTo(201);
        Interleaved<ApiResponse> holds = STACK.whileHeld(StepGate.Step.HOLD_BEFORE_INSERT, 302,
                () -> api.hold(a, 302), () -> api.hold(b, 302));

        assertThat(holds.meanwhile().status()).isEqualTo(409);
        assertThat(holds.meanwhile().error()).isEqualTo(LockerAnswer.ALREADY_HELD_TEXT);
        assertThat(holds.held().status()).isEqualTo(409);
        assertThat(holds.held().error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(302))).isEmpty();
        assertThat(api.hold(b, 302).status()).isEqualTo(201);
    }

    /** R11: the list and its count are two statements; a confirm between them makes them disagree. */
    @Test
    void r11AConfirmBetweenTheListAndItsCountMakesThemDisagree() {
        Session reader = api.newSession();
        Session owner = api.newSession();
        assertThat(api.hold(owner, 303).status()).isEqualTo(201);
        Interleaved<ApiResponse> answers = STACK.whileHeld(StepGate.Step.LIST_BEFORE_COUNT, 0,
                () -> api.lockers(reader.accessToken()), () -> api.confirm(owner, 303));

        assertThat(answers.meanwhile().status()).isEqualTo(200);
        ApiResponse answer = answers.held();
        assertThat(answer.status()).isEqualTo(200);
        List<Boolean> unowned = new java.util.ArrayList<>();
        answer.json().path("lockers").forEach(locker -> {
            unowned.add(!locker.has("owner_serial_id"));
            if (locker.path("locker_id").asInt() == 303) {
                assertThat(locker.has("owner")).as("303 was listed before its confirm").isFalse();
            }
        });
        long listedAvailable = unowned.stream().filter(b -> b).count();
        assertThat(answer.json().path("available_count").asLong()).isEqualTo(listedAvailable - 1);
    }

    /**
     * deployed-service.md §7.3 (b) and (c): a hold whose key ran out but was not swept yet keeps its student's slot,
     * not the locker.
     */
    @Test
    void aHoldWhoseKeyRanOutKeepsItsStudentsSlotButNotItsLocker() {
        Session a = api.newSession();
        Session b = api.newSession();
        assertThat(api.hold(a, 304).status()).isEqualTo(201);
        keyRunsOut(304);

        ApiResponse aElsewhere = api.hold(a, 401);
        ApiResponse bSameLocker = api.hold(b, 304);

        assertThat(aElsewhere.status()).isEqualTo(409);
        assertThat(aElsewhere.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(bSameLocker.status()).isEqualTo(201);
        assertThat(inspector.assignmentStates(a.serialId(), 304)).containsExactly("expired");
        assertThat(api.hold(a, 401).status()).isEqualTo(201);
    }

    /** deployed-service.md §7.2 and B5: the sweep looks at the key, never at hold_expires_at. */
    @Test
    void theSweepExpiresAHoldWhenItsKeyIsGoneAndNotBefore() {
        Session a = api.newSession();
        assertThat(api.hold(a, 402).status()).isEqualTo(201);
        inspector.update("UPDATE locker_assignments SET hold_expires_at = now() - interval '1 hour'"
                + " WHERE locker_id = 402 AND state = 'hold'");

        STACK.stack().server().sweepHoldsNow();
        List<String> withKey = inspector.assignmentStates(a.serialId(), 402);
        keyRunsOut(402);
        STACK.stack().server().sweepHoldsNow();

        assertThat(withKey).containsExactly("hold");
        assertThat(inspector.assignmentStates(a.serialId(), 402)).containsExactly("expired");
        assertThat(inspector.value("SELECT released_at FROM locker_assignments WHERE locker_id = 402")).isNull();
    }

    /** Deletes the hold key, as its TTL running out would. */
    private static void keyRunsOut(int lockerId) {
        try (Jedis jedis = new Jedis(locker.twin.stack.EmbeddedStack.HOST, STACK.stack().redisPort(), 2_000)) {
            assertThat(jedis.del(RedisKeys.hold(lockerId))).isEqualTo(1L);
        }
    }

    /** Waits until a statement of the server's waits for a row lock held by another transaction. */
    private void awaitOneStatementWaitingForALock() {
        Waiting.until(GatedStack.PATIENCE, () -> inspector.value(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"),
                count -> ((Long) count) == 1L);
    }

    /** The newer holder's key is gone; the next hold's clean-up expires its row, and its confirm finds nothing. */
    private void assertNewerHoldLostItsKeyAndIsExpiredByTheNextHold(Session newer, int lockerId) {
        assertThat(inspector.redisValue(RedisKeys.hold(lockerId))).isEmpty();
        assertThat(inspector.assignmentStates(newer.serialId(), lockerId)).containsExactly("hold");
        Session next = api.newSession();
        assertThat(api.hold(next, lockerId).status()).isEqualTo(201);
        assertThat(inspector.assignmentStates(newer.serialId(), lockerId)).containsExactly("expired");
        ApiResponse confirm = api.confirm(newer, lockerId);
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.error()).isEqualTo(LockerAnswer.HOLD_EXPIRED_TEXT);
        assertThat(inspector.rows("SELECT user_serial_id FROM locker_assignments WHERE locker_id = ? AND state = 'hold'",
                lockerId)).containsExactly(Map.of("user_serial_id", next.serialId()));
    }
}
