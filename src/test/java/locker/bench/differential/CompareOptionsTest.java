package locker.bench.differential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompareOptionsTest {
    private static final String WIPE = CompareOptions.WIPE_FLAG;

    @Test
    void withoutTheWipeFlagNothingRuns() {
        assertThatThrownBy(() -> CompareOptions.parse("--a-base-url", "http://127.0.0.1:3300", "--b-base-url",
                "http://127.0.0.1:3400"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flushes Redis on both targets").hasMessageContaining(WIPE);
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> CompareOptions.parse("--a-base-url", "https://example.com", "--rounds", "1001",
                "--only", "tokens,nope", "--out", "results.txt", "--frobnicate", "--b-db-port"))
                .hasMessageContaining(WIPE)
                .hasMessageContaining("--a-base-url must be http://host[:port]")
                .hasMessageContaining("target B needs a base URL")
                .hasMessageContaining("--rounds must be a whole number from 0 to 1,000, was '1001'")
                .hasMessageContaining("--only takes some of auth, tokens, bodies, paths-http, cors, swagger, lockers; was 'nope'")
                .hasMessageContaining("--out must name a file ending in .json")
                .hasMessageContaining("unknown option '--frobnicate'")
                .hasMessageContaining("--b-db-port needs a value");
    }

    @Test
    void aBaseUrlWithAPathOrABadPortIsRefused() {
        assertThatThrownBy(() -> CompareOptions.parse(WIPE, "--a-base-url", "http://127.0.0.1:3300/api/v1",
                "--b-base-url", "http://127.0.0.1:3400", "--b-redis-port", "70000", "--b-db-host", "db host",
                "--b-name", "the deployed server"))
                .hasMessageContaining("--a-base-url must be http://host[:port]")
                .hasMessageContaining("--b-redis-port must be a whole number from 1 to 65535, was '70000'")
                .hasMessageContaining("--b-db-host must be a host name or IP address, such as db.example.com or"
                        + " 10.0.0.5, was 'db host'")
                .hasMessageContaining("--b-name must be 1 to 20 characters without spaces, was 'the deployed server'");
    }

    @Test
    void theDefaultsAreTheBaseUrlsHostAndTheUsualPorts() {
        CompareOptions options = CompareOptions.parse(WIPE, "--a-base-url", "http://10.0.0.5:3300/",
                "--b-base-url", "http://127.0.0.1:3400");

        assertThat(options.a().name()).isEqualTo("A");
        assertThat(options.b().name()).isEqualTo("B");
        assertThat(options.a().baseUrl()).isEqualTo("http://10.0.0.5:3300");
        assertThat(options.a().database().toString()).isEqualTo("postgres@10.0.0.5:5432/locker_db");
        assertThat(options.a().redis().toString()).isEqualTo("10.0.0.5:6379");
        assertThat(options.a().jwtSecret()).isNull();
        assertThat(options.rounds()).isEqualTo(19);
        assertThat(options.noAnswer()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.out()).isEqualTo(Path.of("differential_results.json"));
        assertThat(options.kinds()).isEqualTo(EnumSet.allOf(CaseKind.class));
    }

    @Test
    void aSettingsFileAsTheReferenceServerPrintsItGivesATargetAndOptionsWinOverIt(@TempDir Path dir) throws IOException {
        Path twin = dir.resolve("twin.env");
        Files.writeString(twin, """
                BASE_URL=http://127.0.0.1:38819
                DB_HOST=127.0.0.1
                DB_PORT=42697
                DB_NAME=locker_db
                DB_USER=postgres
                DB_PASSWORD=
                REDIS_HOST=127.0.0.1
                REDIS_PORT=40671
                # the twin's key, as given to it by JWT_SECRET
                export JWT_SECRET="s3cret"
                """);

        CompareOptions options = CompareOptions.parse(WIPE, "--a-base-url", "http://127.0.0.1:3300", "--a-name", "deployed",
                "--b-settings", twin.toString(), "--b-name", "twin", "--b-db-port", "5555", "--rounds", "0",
                "--only", "tokens,cors", "--no-answer-seconds", "1", "--out", "out/diff.json");

        assertThat(options.b().baseUrl()).isEqualTo("http://127.0.0.1:38819");
        assertThat(options.b().database().port()).isEqualTo(5555);
        assertThat(options.b().database().password()).isEmpty();
        assertThat(options.b().redis().port()).isEqualTo(40671);
        assertThat(options.b().jwtSecret()).isEqualTo("s3cret");
        assertThat(options.b().toString()).isEqualTo("twin (http://127.0.0.1:38819)").doesNotContain("s3cret");
        assertThat(options.b().description()).doesNotContainValue("s3cret");
        assertThat(options.rounds()).isZero();
        assertThat(options.kinds()).containsExactly(CaseKind.TOKENS, CaseKind.CORS);
    }

    @Test
    void aSettingsFileWithAnUnknownNameOrThatCannotBeReadIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.env");
        Files.writeString(file, "BASE_URL=http://127.0.0.1:3300\nDB_PASWORD=typo\n");

        assertThatThrownBy(() -> CompareOptions.parse(WIPE, "--a-settings", file.toString(),
                "--b-settings", dir.resolve("missing.env").toString()))
                .hasMessageContaining("--a-settings: line 2 of " + file + " is not one of BASE_URL")
                .hasMessageContaining("--b-settings: cannot read " + dir.resolve("missing.env"));
    }

    @Test
    void twoTargetsOfTheSameNameAreRefused() {
        assertThatThrownBy(() -> CompareOptions.parse(WIPE, "--a-base-url", "http://127.0.0.1:3300", "--a-name", "x",
                "--b-base-url", "http://127.0.0.1:3400", "--b-name", "x"))
                .hasMessageContaining("the two targets need different names");
    }
}
