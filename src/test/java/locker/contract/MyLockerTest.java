package locker.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading "my locker": the locker shown and its owner, and whether it is the student's own. */
class MyLockerTest {

    private static MyLocker parse(String body) {
        return MyLocker.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDeployedAnswerShowsTheLockerAndItsOwner() {
        MyLocker shown = parse("{\"locker\":{\"locker_id\":101,\"location_id\":\"Hall 1F\",\"owner\":\"9900000001\"}}");

        assertThat(shown).isEqualTo(new MyLocker(101, "9900000001"));
        assertThat(shown.shows(101, "9900000001")).isTrue();
        assertThat(shown.shows(102, "9900000001")).isFalse();
        assertThat(shown.shows(101, "9900000002")).isFalse();
        assertThat(shown).hasToString("locker 101 of 9900000001");
    }

    @Test
    void noLockerAndALockerWithoutOwnerShowNothingOfTheStudents() {
        MyLocker none = parse("{\"locker\":null}");
        assertThat(none).isEqualTo(new MyLocker(null, null)).hasToString("no locker");
        assertThat(none.shows(101, "9900000001")).isFalse();
        // the deployed server leaves "owner" out when it is NULL
        assertThat(parse("{\"locker\":{\"locker_id\":101,\"location_id\":\"Hall 1F\"}}").shows(101, "9900000001"))
                .isFalse();
    }

    @Test
    void anAnswerWithoutALockerKeyIsRefused() {
        assertThatThrownBy(() -> parse("{\"lockers\":[]}")).hasMessage("no \"locker\" in the answer");
        assertThatThrownBy(() -> parse("Unauthorized")).hasMessageStartingWith("not a \"my locker\" answer");
    }
}
