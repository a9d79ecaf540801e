package locker.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stub's configuration: the port filled in everywhere, and the canned answers the journey's checks need. */
class NginxStubTest {
    private static String template() throws Exception {
        return Files.readString(Path.of(NginxStub.TEMPLATE));
    }

    @Test
    void thePortIsFilledInForTheListenerAndTheLoginProxy() throws Exception {
        String config = NginxStub.render(template(), 18_081);

        assertThat(config).doesNotContain(NginxStub.PORT_PLACEHOLDER)
                .contains("listen 127.0.0.1:18081 ", "server 127.0.0.1:18081;")
                .contains("daemon off;", "master_process off;", "pid nginx.pid;");
    }

    @Test
    void theCannedAnswersCarryWhatTheJourneyChecks() throws Exception {
        String config = template();

        assertThat(config).contains("location = /api/v1/health {\n            return 200 ")
                .contains("\"access_token\":\"stub.$http_x_student_id.token\"", "\"serial_id\":4242")
                .contains("return 201 '{\"message\":\"locker held successfully\",\"locker\":{\"locker_id\":101,")
                // "my locker" names the one free locker of the list and the student of the token
                .contains("{\"locker_id\":101,\"location_id\":\"Stub Hall 1F\"},{\"locker_id\":102,")
                .contains("'{\"locker\":{\"locker_id\":101,\"location_id\":\"Stub Hall 1F\",\"owner\":\"$stub_owner\"}}'")
                .contains("\"~^Bearer stub\\.(?<id>[^.]+)\\.token$\" $id;")
                .contains("/confirm$", "/release-hold$", "/release$");
    }

    @Test
    void aBadPortOrATemplateWithoutPlaceholderIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> NginxStub.render(template(), 0))
                .hasMessage("the stub's port must be 1..65535; was 0");
        assertThatThrownBy(() -> NginxStub.render("events {}", 8080))
                .hasMessage("the stub's configuration has no @PORT@ to fill in");
    }
}
