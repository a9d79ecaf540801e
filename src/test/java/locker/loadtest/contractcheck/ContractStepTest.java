package locker.loadtest.contractcheck;

import locker.testdata.TestUser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each step expects and how it reads an answer that differs, without a server. */
class ContractStepTest {
    private static final ContractCast CAST = new ContractCast(new TestUser("9900000000", "테스트9900000000", "01000000000", 1),
            new TestUser("9900000001", "테스트9900000001", "01000000001", 2), 10000, 10001, 10150);

    @Test
    void theExpectedAnswerReadsTheSameAsTheAnswerThatMatchesIt() {
        ContractRow lost = step("a hold lost to another student").row(409, bytes("Locker already held by someone"), CAST);
        assertThat(lost.passed()).isTrue();
        assertThat(lost.request()).isEqualTo("POST /lockers/10000/hold as 9900000001");
        assertThat(lost.got()).isEqualTo("409 Locker already held by someone");
    }

    @Test
    void aRewordedTextOrAnotherStatusIsAMismatchThatShowsWhatCame() {
        ContractRow reworded = step("a hold lost to another student").row(409, bytes("Locker is already taken"), CAST);
        assertThat(reworded.passed()).isFalse();
        assertThat(reworded.got()).isEqualTo("409 Locker is already taken");
        ContractRow moved = step("a give-up without a hold").row(409, bytes("No hold found to release"), CAST);
        assertThat(moved.passed()).isFalse();
        assertThat(moved.expected()).isEqualTo("404 No hold found to release");
    }

    @Test
    void aLoginMustCarryTheTokensAndTheSerialIdAsANumber() {
        ContractStep first = step("a student's first login");
        assertThat(first.row(201, bytes("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"serial_id\":12}"), CAST).passed())
                .isTrue();
        assertThat(first.row(201, bytes("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"serial_id\":\"12\"}"), CAST).got())
                .isEqualTo("201 without serial_id");
        assertThat(first.row(200, bytes("{\"access_token\":\"a\",\"refresh_token\":\"r\",\"serial_id\":12}"), CAST).passed())
                .as("a first login is a 201").isFalse();
        assertThat(first.body(CAST)).isEqualTo(
                "{\"student_id\":\"9900000000\",\"name\":\"테스트9900000000\",\"phone_number\":\"01000000000\"}");
    }

    @Test
    void theListMustShowBothTestLockersFreeWithTheirLocationAndTheCount() {
        ContractStep list = step("the list of lockers");
        String free = "{\"lockers\":[{\"locker_id\":10000,\"location_id\":\"A\"},{\"locker_id\":10001,\"location_id\":\"B\"}],"
                + "\"available_count\":2}";
        assertThat(list.row(200, bytes(free), CAST).passed()).isTrue();
        String owned = "{\"lockers\":[{\"locker_id\":10000,\"location_id\":\"A\",\"owner\":\"1\",\"owner_serial_id\":1}],"
                + "\"available_count\":0}";
        assertThat(list.row(200, bytes(owned), CAST).got()).isEqualTo("200 locker 10000 owned, without locker 10001");
    }

    @Test
    void myLockerMustShowTheConfirmedLockerOfTheStudent() {
        ContractStep mine = step("\"my locker\" shows the confirmed locker");
        assertThat(mine.row(200, bytes("{\"locker\":{\"locker_id\":10001,\"location_id\":\"B\",\"owner\":\"9900000000\"}}"),
                CAST).passed()).isTrue();
        assertThat(mine.row(200, bytes("{\"locker\":null}"), CAST).got()).isEqualTo("200 showing no locker");
    }

    @Test
    void theStepsCoverEveryAnswerTheLoadTestReadsAndRunInAStateEachLeavesForTheNext() {
        assertThat(ContractStep.ALL).extracting(ContractStep::behaviour).doesNotHaveDuplicates().hasSize(18);
        List<String> expected = ContractStep.ALL.stream().map(step -> step.reading().expected(CAST)).toList();
        assertThat(expected).contains("409 Locker already held by someone", "409 Locker hold failed on DB. Deleting Redis key.",
                "409 hold expired or not found", "404 No hold found to release", "401 Unauthorized",
                "400 invalid student_id format");
        assertThat(step("a hold of a locker that does not exist").request(CAST)).contains("/lockers/10150/hold");
    }

    private static ContractStep step(String behaviour) {
        return ContractStep.ALL.stream().filter(step -> step.behaviour().equals(behaviour)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
