package locker.twin.server;

import locker.contract.RedisKeys;
import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stacks whose window is not open (deployed-service.md §6): only hold is refused, after the token check and
 * before the id is read, with the deployed message dates. One stack's window opens in a day; the other has no
 * END, which closes the window for good as deployed.
 */
class ApplicationWindowIT {
    private static final OffsetDateTime START = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(1).withNano(0);

    @RegisterExtension
    static final StackExtension NOT_YET = new StackExtension(ReferenceServerSettings.defaults()
            .withApplicationWindow(START, START.plusDays(1)));
    @RegisterExtension
    static final StackExtension NO_END = new StackExtension(ReferenceServerSettings.defaults()
            .withApplicationWindow(null, null));

    @Test
    void holdBeforeTheWindowOpensAnswers403WithTheStartAndReservesNothing() {
        ApiClient api = NOT_YET.api();
        StackInspector inspector = NOT_YET.inspector();
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 101);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("아직 신청 기간이 아닙니다. 신청 시작: "
                + ApplicationWindow.deployedFormat(START));
        assertThat(inspector.redisValue(RedisKeys.hold(101))).isEmpty();
        assertThat(inspector.value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
        assertThat(api.lockers(session.accessToken()).status()).isEqualTo(200);
        ApiResponse confirm = api.confirm(session, 101);
        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.error()).isEqualTo("hold expired or not found");
    }

    @Test
    void theWindowIsCheckedAfterTheTokenAndBeforeTheIdIsRead() {
        ApiClient api = NOT_YET.api();
        Session session = api.newSession();

        assertThat(api.lockerAction(null, 101, "hold").status()).isEqualTo(401);
        assertThat(api.hold(session, "abc").status()).isEqualTo(403);
        assertThat(api.hold(session, "me").status()).isEqualTo(403);
        assertThat(api.confirm(session, "abc").status()).isEqualTo(400);
    }

    @Test
    void withoutAnEndEveryHoldIsRefusedWithGosZeroTime() {
        ApiClient api = NO_END.api();
        Session session = api.newSession();

        ApiResponse response = api.hold(session, 102);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.error()).isEqualTo("신청 기간이 마감되었습니다. 신청 마감: 1010-10-00 00:00:00");
        assertThat(NO_END.inspector().redisValue(RedisKeys.hold(102))).isEmpty();
        assertThat(NO_END.inspector().value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
    }
}
