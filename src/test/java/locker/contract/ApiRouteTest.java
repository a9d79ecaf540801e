package locker.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routes' paths, names and actions, as the load test's results and the twin's router use them. */
class ApiRouteTest {

    @Test
    void aLockersRouteTakesTheIdWhereItsPathSaysAndKeepsItsTemplateInItsLabel() {
        assertThat(ApiRoute.HOLD.path(101)).isEqualTo("/lockers/101/hold");
        assertThat(ApiRoute.RELEASE_HOLD.fullPath("abc")).isEqualTo("/api/v1/lockers/abc/release-hold");
        assertThat(ApiRoute.HOLD.label()).isEqualTo("POST /lockers/{id}/hold");
        assertThat(ApiRoute.MY_LOCKER.fullPath()).isEqualTo("/api/v1/lockers/me");
        assertThat(ApiRoute.LOCKERS.label()).isEqualTo("GET /lockers");
    }

    @Test
    void eachActionOnALockerNamesItsOwnRouteAndNoOther() {
        assertThat(ApiRoute.onLocker("release")).isEqualTo(ApiRoute.RELEASE);
        assertThat(ApiRoute.onLocker("release-hold")).isEqualTo(ApiRoute.RELEASE_HOLD);
        assertThat(ApiRoute.onLocker("hold")).isEqualTo(ApiRoute.HOLD);
        assertThat(ApiRoute.onLocker("confirm")).isEqualTo(ApiRoute.CONFIRM);
        assertThat(ApiRoute.RELEASE_HOLD.action()).isEqualTo("release-hold");
        // "me" ends a path, but GET /lockers/me names no locker
        assertThatThrownBy(() -> ApiRoute.onLocker("me")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no route on a locker has the action 'me'");
        assertThatThrownBy(() -> ApiRoute.onLocker("HOLD")).isInstanceOf(IllegalArgumentException.class);
    }
}
