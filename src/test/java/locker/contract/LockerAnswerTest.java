package locker.contract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed server's answers to hold, confirm and release-hold, by status and exact body text
 * (deployed-service.md §5.9, §5.10, §5.12).
 */
class LockerAnswerTest {

    @ParameterizedTest(name = "hold {0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            201 | {"message":"locker held successfully","locker":{"locker_id":101,"location_id":"A"},"expires_in":"1 minutes"} | HELD
            201 | {"message":"locker held successfully","locker_id":101,"expires_in":"1 minutes"}                                 | HELD
            409 | Locker already held by someone                                                                                  | ALREADY_HELD
            409 | {"error":"Locker already held by someone"}                                                                      | ALREADY_HELD
            409 | Locker hold failed on DB. Deleting Redis key.                                                                   | HOLD_REFUSED_BY_DB
            409 | Locker hold failed on DB                                                                                        | UNEXPECTED
            409 | locker already held by someone                                                                                  | UNEXPECTED
            409 | Conflict                                                                                                        | UNEXPECTED
            403 | 신청 기간이 마감되었습니다. 신청 마감: 1010-10-00 00:00:00                                                            | UNEXPECTED
            503 | Service Unavailable                                                                                             | UNEXPECTED
            200 | {"message":"locker held successfully"}                                                                          | UNEXPECTED
            """)
    void holdAnswers(int status, String body, LockerAnswer expected) {
        assertThat(LockerAnswer.ofHold(status, bytes(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "confirm {0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"message":"locker confirmed successfully"} | CONFIRMED
            409 | hold expired or not found                   | CONFIRM_REFUSED
            409 | Conflict                                    | CONFIRM_REFUSED
            409 | {"error":"hold expired or not found"}       | CONFIRM_REFUSED
            409 | Locker already held by someone              | UNEXPECTED
            500 | Internal Server Error                       | UNEXPECTED
            401 | Unauthorized                                | UNEXPECTED
            """)
    void confirmAnswers(int status, String body, LockerAnswer expected) {
        assertThat(LockerAnswer.ofConfirm(status, bytes(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "release-hold {0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | {"message":"hold released successfully"} | GAVE_UP
            404 | No hold found to release                 | GIVE_UP_REFUSED
            404 | {"error":"No hold found to release"}      | GIVE_UP_REFUSED
            404 | Not Found                                | UNEXPECTED
            500 | Internal Server Error                    | UNEXPECTED
            401 | Unauthorized                             | UNEXPECTED
            """)
    void releaseHoldAnswers(int status, String body, LockerAnswer expected) {
        assertThat(LockerAnswer.ofReleaseHold(status, bytes(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HELD               | true
            ALREADY_HELD       | true
            CONFIRMED          | true
            GAVE_UP            | true
            HOLD_REFUSED_BY_DB | false
            CONFIRM_REFUSED    | false
            GIVE_UP_REFUSED    | false
            UNEXPECTED         | false
            """)
    void aLostRaceSucceedsWhileARefusalAfterAWonHoldOrByTheDatabaseFails(LockerAnswer answer, boolean succeeded) {
        assertThat(answer.succeeded()).isEqualTo(succeeded);
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            409 | hold expired or not found                             | 409 hold expired or not found
            503 | {"error":"Service Unavailable"}                       | 503 Service Unavailable
            500 | {"db":"unreachable","error":"x","status":"unhealthy"} | 500 {"db":"unreachable","error":"x","status":"unhealthy"}
            404 | ''                                                    | 404
            """)
    void aFailedRequestsMessageIsItsStatusAndBodyText(int status, String body, String message) {
        assertThat(LockerAnswer.statusAndText(status, bytes(body))).isEqualTo(message);
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
