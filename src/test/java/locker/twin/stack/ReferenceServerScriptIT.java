package locker.twin.stack;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code scripts/reference-server.sh} as a user runs it: settings checked first, a ready stack, a clean stop. */
class ReferenceServerScriptIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ProcessBuilder script(Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Path.of("scripts/reference-server.sh").toAbsolutePath().toString());
        builder.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().putAll(env);
        return builder;
    }

    @Test
    void aBadSettingIsReportedBeforeAnythingStarts() throws Exception {
        for (Map.Entry<String, String> bad : Map.of("PORT", "70000", "SERVER_WARM_UP", "soon",
                "DB_POOL_SIZE", "0").entrySet()) {
            // a process the script started inherits this mark; other stacks on a busy machine do not
            String mark = "locker-refused-" + bad.getKey() + "-" + ProcessHandle.current().pid();
            Process process = script(Map.of(bad.getKey(), bad.getValue(), "LOADTEST_TEST_MARK", mark))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(2);
            assertThat(output).startsWith("reference-server: " + bad.getKey() + " must be")
                    .doesNotContain("Exception", "BASE_URL=");
            assertThat(postgresProcessesMarked(mark)).as("PostgreSQL processes the script started").isZero();
        }
    }

    @Test
    void aWarmedUpStackPrintsTheClientSettingsAnswersAndStopsOnSigterm() throws Exception {
        Process process = script(Map.of("SERVER_WARM_UP", "1")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            while (settings.size() < EmbeddedStack.CLIENT_SETTINGS) {
                String line = lines.readLine();
                assertThat(line).as("the script ended before printing the settings").isNotNull();
                settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
            assertThat(settings).containsOnlyKeys("BASE_URL", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
                    "REDIS_HOST", "REDIS_PORT");
            assertThat(health(settings.get("BASE_URL")).statusCode()).isEqualTo(200);
        } finally {
            process.destroy(); // SIGTERM, as Ctrl-C or kill would
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> health(settings.get("BASE_URL"))).isInstanceOf(ConnectException.class);
    }

    private static HttpResponse<String> health(String baseUrl) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PostgreSQL processes whose environment carries {@code mark} (read from /proc). */
    private static long postgresProcessesMarked(String mark) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> {
                    try {
                        return new String(java.nio.file.Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()),
                                "environ")), StandardCharsets.UTF_8).contains("LOADTEST_TEST_MARK=" + mark);
                    } catch (java.io.IOException | SecurityException gone) {
                        return false;
                    }
                })
                .count();
    }
}
