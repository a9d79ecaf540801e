package locker.loadtest.simulation;

import locker.contract.LockerAnswer;
import locker.loadtest.anomalies.Call;
import locker.loadtest.anomalies.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a run without its database must give back, read off its journal. */
class GiveBackTest {
    private final List<RecordedRequest> journal = new ArrayList<>();

    @Test
    void onlyLockersStillHeldOrOwnedAreGivenBack() {
        send(Call.HOLD, "A", 101, 201, null);
        send(Call.CONFIRM, "A", 101, 200, null);
        send(Call.HOLD, "B", 102, 201, null);
        send(Call.HOLD, "C", 103, 201, null);
        send(Call.GIVE_UP, "C", 103, 200, null);
        send(Call.HOLD, "D", 104, 201, null);
        send(Call.CONFIRM, "D", 104, 200, null);
        send(Call.RELEASE, "D", 104, 200, null);
        send(Call.HOLD, "E", 105, 201, null);
        send(Call.CONFIRM, "E", 105, 409, LockerAnswer.HOLD_EXPIRED_TEXT);
        send(Call.HOLD, "F", 106, 409, LockerAnswer.ALREADY_HELD_TEXT);

        assertThat(GiveBack.stillTaken(journal)).containsExactly(new GiveBack.Taken("A", 101, true),
                new GiveBack.Taken("B", 102, false));
    }

    @Test
    void eachStudentIsLoggedOutWithTheTokensOfTheirLastLogin() {
        send(Call.LOG_IN, "A", 0, 201, "{\"access_token\":\"a1\",\"refresh_token\":\"r1\",\"serial_id\":1}");
        send(Call.LOG_IN, "A", 0, 200, "{\"access_token\":\"a2\",\"refresh_token\":\"r2\",\"serial_id\":1}");
        send(Call.LOG_IN, "B", 0, 500, "Internal Server Error");

        assertThat(GiveBack.tokens(journal)).containsOnlyKeys("A").containsEntry("A", new GiveBack.Tokens("a2", "r2"));
    }

    private void send(Call call, String student, int locker, int status, String body) {
        long at = journal.size() * 10L;
        journal.add(new RecordedRequest(call, at, at + 5, status, student, locker,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
