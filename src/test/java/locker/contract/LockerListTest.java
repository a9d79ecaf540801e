package locker.contract;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code GET /lockers}: the count of all lockers and the ids of those without an owner. */
class LockerListTest {

    private static LockerList parse(String body) {
        return LockerList.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLockerIsFreeWhenItsOwnerSerialIsMissingOrNull() {
        LockerList list = parse("""
                {"lockers": [
                   {"locker_id": 101, "location_id": "학생회관 1층"},
                   {"locker_id": 102, "location_id": "학생회관 1층", "owner": "2023100001", "owner_serial_id": 123456789012},
                   {"locker_id": 103, "location_id": "공학관", "owner_serial_id": null},
                   {"locker_id": 10000, "location_id": "공학관", "extra": {"nested": [1, {"owner_serial_id": 5}]}}
                 ],
                 "available_count": 3}""");

        assertThat(list.count()).isEqualTo(4);
        assertThat(list.free()).containsExactly(101, 103, 10000);
    }

    @Test
    void fieldsBeforeAndAfterTheListAndAnEmptyListAreFine() {
        LockerList list = parse("{\"available_count\": 0, \"lockers\": [], \"note\": {\"lockers\": 7}}");

        assertThat(list.count()).isZero();
        assertThat(list.free()).isEmpty();
    }

    @Test
    void anAnswerWithoutALockerListIsRefused() {
        assertThatThrownBy(() -> parse("{\"error\": \"service unavailable\"}"))
                .hasMessageContaining("no \"lockers\" array");
        assertThatThrownBy(() -> parse("{\"lockers\": {\"locker_id\": 1}}")).hasMessageContaining("START_ARRAY");
        assertThatThrownBy(() -> parse("[1, 2]")).hasMessageContaining("START_OBJECT");
        assertThatThrownBy(() -> parse("Service Unavailable")).hasMessageContaining("not a locker list");
        assertThatThrownBy(() -> parse("{\"lockers\": [{\"locker_id\": 1}")).hasMessageContaining("not a locker list");
    }
}
