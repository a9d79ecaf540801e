package locker.twin.server;

import locker.contract.LockerAnswer;
import locker.contract.RedisKeys;
import locker.testsupport.GatedStack;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.HeldSteps;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locker routes and the sweep with the real Redis or the real PostgreSQL stopped (deployed-service.md §5.14).
 * Requests are held by a {@link HeldSteps} gate past the token check (which needs Redis) and stopped Redis or
 * PostgreSQL under them, so each answer shows the route's own step failing; the gate only orders real steps. PostgreSQL
 * cannot be started again, so its test runs last. The sweep's timer is set to an hour: the tests run the sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DependencyOutageIT {
    @RegisterExtension
    static final GatedStack STACK = new GatedStack();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    @Order(1)
    void withRedisDownHoldIs503ReleasesIgnoreTheirDelAndTheSweepSkipsEveryRow() {
        Session holder = api.newSession();
        Session releasingHolder = api.newSession();
        Session owner = api.newSession();
        Session swept = api.newSession();
        assertThat(api.hold(releasingHolder, 102).status()).isEqualTo(201);
        assertThat(api.hold(owner, 103).status()).isEqualTo(201);
        assertThat(api.confirm(owner, 103).status()).isEqualTo(200);
        assertThat(api.hold(swept, 104).status()).isEqualTo(201);
        HeldSteps.Held holdBeforeSetNx = STACK.gate().hold(StepGate.Step.HOLD_BEFORE_SETNX, 101);
        HeldSteps.Held releaseHoldBeforeDel = STACK.gate().hold(StepGate.Step.RELEASE_HOLD_BEFORE_DEL, 102);
        HeldSteps.Held releaseBeforeDel = STACK.gate().hold(StepGate.Step.RELEASE_BEFORE_DEL, 103);
        CompletableFuture<ApiResponse> hold = STACK.async(() -> api.hold(holder, 101));
        CompletableFuture<ApiResponse> releaseHold = STACK.async(() -> api.releaseHold(releasingHolder, 102));
        CompletableFuture<ApiResponse> release = STACK.async(() -> api.release(owner, 103));
        List.of(holdBeforeSetNx, releaseHoldBeforeDel, releaseBeforeDel).forEach(HeldSteps.Held::awaitArrival);

        STACK.stack().stopRedis();
        try {
            List.of(holdBeforeSetNx, releaseHoldBeforeDel, releaseBeforeDel).forEach(HeldSteps.Held::letGo);
            ApiResponse holdAnswer = hold.join();
            assertThat(holdAnswer.status()).as(holdAnswer.toString()).isEqualTo(503);
            assertThat(holdAnswer.error()).isEqualTo("Service Unavailable");
            assertThat(releaseHold.join().status()).isEqualTo(200);
            assertThat(release.join().status()).isEqualTo(200);
            assertThat(inspector.rows("SELECT * FROM locker_assignments WHERE locker_id IN (101, 102)")).isEmpty();
            assertThat(inspector.assignmentStates(owner.serialId(), 103)).containsExactly("cancelled");
            assertThat(inspector.lockerOwner(103).values()).containsOnlyNulls();

            STACK.stack().server().sweepHoldsNow();
            assertThat(inspector.assignmentStates(swept.serialId(), 104)).containsExactly("hold");
            assertThat(api.hold(holder, 105).status()).isEqualTo(503);
        } finally {
            STACK.stack().restartRedis();
        }
        // Redis came back empty: the sweep now finds the key gone (the pool's broken connections fail once each)
        Waiting.until(GatedStack.PATIENCE, () -> {
            STACK.stack().server().sweepHoldsNow();
            return inspector.assignmentStates(swept.serialId(), 104);
        }, List.of("expired")::equals);
    }

    @Test
    @Order(2)
    void withNoLockersTheListIsNull() {
        Session session = api.newSession();
        inspector.update("CREATE TABLE saved_lockers AS SELECT * FROM locker_info");
        inspector.update("DELETE FROM locker_assignments");
        inspector.update("DELETE FROM locker_info");
        try {
            ApiResponse list = api.lockers(session.accessToken());

            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).isEqualTo("{\"lockers\":null,\"available_count\":0}");
        } finally {
            inspector.update("INSERT INTO locker_info SELECT * FROM saved_lockers");
            inspector.update("DROP TABLE saved_lockers");
        }
        assertThat(inspector.value("SELECT count(*) FROM locker_info")).isEqualTo(22L);
    }

    @Test
    @Order(3)
    void withPostgresDownHoldIs409WithTheDbMessageAndTheOtherRoutes500() {
        Session holder = api.newSession();
        Session other = api.newSession();
        ApiResponse fallback = STACK.answerHeldWhile(StepGate.Step.HOLD_BEFORE_SELECT, 201,
                () -> api.hold(holder, 201), () -> STACK.stack().stopDatabase());

        assertThat(fallback.status()).isEqualTo(201);
        assertThat(fallback.body())
                .isEqualTo("{\"message\":\"locker held successfully\",\"locker_id\":201,\"expires_in\":\"1 minutes\"}");
        ApiResponse otherHold = api.hold(other, 202);
        assertThat(otherHold.status()).isEqualTo(409);
        assertThat(otherHold.error()).isEqualTo(LockerAnswer.HOLD_FAILED_ON_DB_TEXT);
        assertThat(inspector.redisValue(RedisKeys.hold(202))).isEmpty();
        assertThat(inspector.redisValue(RedisKeys.hold(201))).contains(Long.toString(holder.serialId()));
        for (String action : List.of("confirm", "release", "release-hold")) {
            ApiResponse response = api.lockerAction(holder.accessToken(), 201, action);
            assertThat(response.status()).as(action + ": " + response).isEqualTo(500);
            assertThat(response.error()).isEqualTo("Internal Server Error");
        }
        assertThat(api.lockers(holder.accessToken()).status()).isEqualTo(500);
        assertThat(api.myLocker(holder.accessToken()).status()).isEqualTo(500);
    }
}
