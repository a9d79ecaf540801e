package locker.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.bench.differential.DifferentialReport.Document;
import locker.testsupport.StackExtension;
import locker.twin.server.ReferenceServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The comparison run for real with two embedded twins as A and B: two copies of one server must match everywhere. */
class CompareServersIT {
    @RegisterExtension
    static final StackExtension A = new StackExtension(ReferenceServerSettings.defaults().withJwtSecret("key of a"));
    @RegisterExtension
    static final StackExtension B = new StackExtension(ReferenceServerSettings.defaults().withJwtSecret("key of b"));

    @TempDir
    Path dir;

    @Test
    void twoTwinsMatchInEveryCaseAndTheRacesAreCountedOnEach() throws IOException, TargetState.Refused, SQLException {
        Path out = dir.resolve("differential.json");
        CompareOptions options = CompareOptions.parse(CompareOptions.WIPE_FLAG,
                "--a-settings", settingsFile(A, "key of a").toString(), "--a-name", "twin-a",
                "--b-settings", settingsFile(B, "key of b").toString(), "--b-name", "twin-b",
                "--rounds", "2", "--no-answer-seconds", "1", "--out", out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        Document document = new CompareServers(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        assertThat(document.cases()).hasSizeGreaterThan(200);
        assertThat(document.cases()).allSatisfy(c -> {
            assertThat(c.skipped()).as(c.name()).isNull();
            assertThat(c.differences()).as(c.name()).isEmpty();
        });
        assertThat(document.exitStatus()).isEqualTo(CompareServers.NO_CLIENT_DIFFERENCE);
        assertThat(document.races()).extracting(DifferentialReport.RaceRow::key)
                .containsExactly("same-locker", "random-lockers", "refreshes", "first-logins");
        assertThat(document.races().get(0).a().of()).isEqualTo(2);
        assertThat(document.races().get(2).a().of()).isEqualTo(16);
        assertThat(document.races().get(3).b().of()).isEqualTo(20);
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("A = twin-a (" + A.stack().baseUrl() + "), B = twin-b (" + B.stack().baseUrl() + ")")
                .contains("no difference a client could meet (exit status 0)")
                .containsPattern("(?m)^all +\\d+ +\\d+ +0 +0 +0$")
                .contains("(c) 8 refreshes of one refresh token: answered 200");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("summary").path(json.path("summary").size() - 1).path("differing").asInt()).isZero();
        assertThat(json.path("targets").path("b").path("signingKey").asText()).isEqualTo("given");
        assertThat(json.path("targets").path("a").path("databaseCommits").asText())
                .isEqualTo(json.path("targets").path("b").path("databaseCommits").asText())
                .startsWith("fsync ");
        assertThat(text).doesNotContain("commit differently");
        assertThat(json.toString()).doesNotContain("key of a");
        assertThat(users(A)).as("both are left reset").isZero();
        assertThat(users(B)).isZero();
    }

    @Test
    void racesBetweenDatabasesThatCommitDifferentlyComeWithAWarningNamingBoth() throws Exception {
        String before = setting(B, "synchronous_commit");
        String other = before.equals("off") ? "on" : "off";
        setSynchronousCommit(B, other);
        try {
            CompareOptions options = CompareOptions.parse(CompareOptions.WIPE_FLAG,
                    "--a-settings", settingsFile(A, "key of a").toString(), "--a-name", "twin-a",
                    "--b-settings", settingsFile(B, "key of b").toString(), "--b-name", "twin-b",
                    "--only", "lockers", "--rounds", "1", "--out", dir.resolve("commits.json").toString());
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            Document document = new CompareServers(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

            String fsync = setting(A, "fsync");
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("races: WARNING the two databases commit"
                    + " differently (twin-a: fsync " + fsync + ", synchronous_commit " + before + "; twin-b: fsync "
                    + setting(B, "fsync") + ", synchronous_commit " + other + ")");
            assertThat(document.targets().get("b").get("databaseCommits")).endsWith("synchronous_commit " + other);
        } finally {
            setSynchronousCommit(B, null);
        }
        assertThat(setting(B, "synchronous_commit")).isEqualTo(before);
    }

    @Test
    void aTargetHoldingAStudentWhoseIdDoesNotStartWith99IsRefusedBeforeAnythingChanges() throws SQLException {
        try (Connection c = B.stack().openConnection(); Statement s = c.createStatement();
             Jedis redis = new Jedis("127.0.0.1", A.stack().redisPort())) {
            s.execute("INSERT INTO users (student_id, name, phone_number, serial_id) VALUES ('2020123456', '김민준', '01012345678', 1)");
            redis.set("kept", "1");
            try {
                CompareOptions options = CompareOptions.parse(CompareOptions.WIPE_FLAG,
                        "--a-settings", settingsFile(A, "key of a").toString(),
                        "--b-settings", settingsFile(B, "key of b").toString(), "--rounds", "0", "--out",
                        dir.resolve("refused.json").toString());

                assertThatThrownBy(() -> new CompareServers(options, new PrintStream(new ByteArrayOutputStream())).run())
                        .isInstanceOf(TargetState.Refused.class)
                        .hasMessage("B: the users table holds 1 of 1 users whose student id does not start with 99 (test"
                                + " students' ids are 10 digits starting with 99); the comparison deletes every user, so it"
                                + " does not run here");
                assertThat(users(B)).isEqualTo(1);
                assertThat(redis.get("kept")).as("A was not reset either").isEqualTo("1");
                assertThat(dir.resolve("refused.json")).doesNotExist();
            } finally {
                s.execute("DELETE FROM users");
                redis.del("kept");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theScriptRefusesWithoutTheWipeFlagWithOneMessageAndStatus2() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("scripts/compare_servers.sh", "--a-base-url", A.stack().baseUrl(),
                "--b-base-url", B.stack().baseUrl()).redirectErrorStream(true);
        builder.environment().put("LOADTEST_CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).startsWith("compare_servers: this comparison deletes every user")
                .contains(CompareOptions.WIPE_FLAG).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The lines scripts/reference-server.sh prints for this stack, with its signing key. */
    private Path settingsFile(StackExtension stack, String key) throws IOException {
        StringBuilder lines = new StringBuilder();
        stack.stack().clientSettings().forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        lines.append("JWT_SECRET=").append(key).append('\n');
        Path file = Files.createTempFile(dir, "stack", ".env");
        Files.writeString(file, lines);
        return file;
    }

    private static String setting(StackExtension stack, String name) throws SQLException {
        try (Connection c = stack.stack().openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    /**
     * {@code synchronous_commit} for every new session of the stack's database ({@code null}: as the server was started);
     * per database, as the embedded server's own setting is given on its command line, which ALTER SYSTEM does not
     * override.
     */
    private static void setSynchronousCommit(StackExtension stack, String value) throws SQLException {
        try (Connection c = stack.stack().openConnection(); Statement s = c.createStatement()) {
            String database = '"' + c.getCatalog() + '"';
            s.execute(value == null ? "ALTER DATABASE " + database + " RESET synchronous_commit"
                    : "ALTER DATABASE " + database + " SET synchronous_commit = " + value);
        }
    }

    private static long users(StackExtension stack) throws SQLException {
        try (Connection c = stack.stack().openConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM users")) {
            r.next();
            return r.getLong(1);
        }
    }
}
