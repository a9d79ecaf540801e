package locker.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stub's configuration: the port filled in everywhere, a bad port or template refused. Whether its canned answers
 * pass the journey's checks is {@code CeilingAgainstNginxIT}'s question: 300 students confirm and verify "my locker"
 * against the real nginx.
 */
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
    void aBadPortOrATemplateWithoutPlaceholderIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> NginxStub.render(template(), 0))
                .hasMessage("the stub's port must be 1..65535; was 0");
        assertThatThrownBy(() -> NginxStub.render("events {}", 8080))
                .hasMessage("the stub's configuration has no @PORT@ to fill in");
    }
}
