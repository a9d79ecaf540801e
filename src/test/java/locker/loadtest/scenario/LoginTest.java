package locker.loadtest.scenario;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a login answer: the access token is kept, the serial id must be there. */
class LoginTest {

    private static Login parse(String body) {
        return Login.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDeployedAnswerGivesTheTokenAndTheSerialId() {
        Login login = parse("{\"access_token\":\"a.b.c\",\"refresh_token\":\"r\",\"serial_id\":4242,\"extra\":{\"x\":[1]}}");

        assertThat(login).isEqualTo(new Login("a.b.c", 4242));
    }

    @Test
    void anAnswerWithoutTokenOrSerialIdIsRefused() {
        assertThatThrownBy(() -> parse("{\"refresh_token\":\"r\",\"serial_id\":1}"))
                .hasMessage("the login answer has no access_token");
        assertThatThrownBy(() -> parse("{\"access_token\":\"a\",\"serial_id\":null}"))
                .hasMessage("the login answer has no serial_id");
        assertThatThrownBy(() -> parse("[]")).hasMessage("the login answer is not a JSON object");
        assertThatThrownBy(() -> parse("Internal Server Error")).hasMessageStartingWith("not a login answer");
    }
}
