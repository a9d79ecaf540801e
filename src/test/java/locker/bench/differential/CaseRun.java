package locker.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import locker.contract.ApiRoute;
import locker.contract.AuthFields;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/** One case on one target: sends its steps, records each normalised exchange, and offers logins and forged tokens. */
final class CaseRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ends a case early, when a step's answer leaves the next steps nothing to work with. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message, null, false, false);
        }
    }

    /** What the cases of one group share on one target: the normaliser and the group's student. */
    static final class GroupState {
        private final Normaliser normaliser;
        private Session shared;
        private String issuer;
        private String audience;

        GroupState(Normaliser normaliser) {
            this.normaliser = normaliser;
        }

        Normaliser normaliser() {
            return normaliser;
        }
    }

    private final WireClient client;
    private final GroupState group;
    private final String jwtSecret;
    private final List<Exchange> exchanges = new ArrayList<>();

    CaseRun(WireClient client, GroupState group, String jwtSecret) {
        this.client = client;
        this.group = group;
        this.jwtSecret = jwtSecret;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    Normaliser normaliser() {
        return group.normaliser;
    }

    WireAnswer send(String step, WireRequest request) {
        return send(step, request, UnaryOperator.identity());
    }

    /** Sends a request whose answer's body is compared as {@code bodyView} shows it. */
    WireAnswer send(String step, WireRequest request, UnaryOperator<String> bodyView) {
        WireAnswer answer = client.exchange(request);
        exchanges.add(Exchange.of(step, request, answer, group.normaliser, bodyView));
        return answer;
    }

    void stopped(String why) {
        exchanges.add(Exchange.note("stopped", why));
    }

    Session login(Student student) {
        return login("log in " + student.studentId(), student, Cases.login(student.loginJson()));
    }

    /** Sends a login request and reads the session from its answer; stops the case when there is none. */
    Session login(String step, Student student, WireRequest request) {
        group.normaliser.identity(student);
        WireAnswer answer = send(step, request);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new Stopped("'" + step + "' answered " + (answer.answered() ? answer.status() : answer.outcome().text()));
        }
        Session session = session(student, answer);
        learnIssuerAndAudience(session.accessToken());
        return session;
    }

    /** The tokens of a login or refresh answer; stops the case when they are not there. */
    Session session(Student student, WireAnswer answer) {
        try {
            JsonNode json = JSON.readTree(answer.body());
            if (json != null && json.path(AuthFields.ACCESS_TOKEN).isTextual() && json.path(AuthFields.REFRESH_TOKEN).isTextual()) {
                return new Session(student, json.path(AuthFields.ACCESS_TOKEN).asText(),
                        json.path(AuthFields.REFRESH_TOKEN).asText());
            }
        } catch (IOException e) {
            // stopped below
        }
        throw new Stopped("the answer carries no tokens");
    }

    WireAnswer refresh(String step, String refreshToken) {
        return send(step, Cases.post(ApiRoute.REFRESH).json(Cases.refreshJson(refreshToken)));
    }

    void share(Session session) {
        group.shared = session;
    }

    /** The group's logged-in student (see {@link CaseGroup#sharingOneReset}). */
    Session shared() {
        if (group.shared == null) {
            throw new Stopped("the group's student did not log in");
        }
        return group.shared;
    }

    /** Tokens signed with this target's key, its issuer and audience read from a token it issued in this group. */
    TokenForge forge() {
        if (jwtSecret == null) {
            throw new Stopped("no signing key given for this target");
        }
        if (group.issuer == null) {
            throw new Stopped("no token of this target was seen yet to read its issuer and audience from");
        }
        return new TokenForge(jwtSecret, group.issuer, group.audience);
    }

    /** Registers a token the case made, so that its jti and hash read as its name in Redis keys. */
    String sent(String token, String what) {
        group.normaliser.sent(token, what);
        return token;
    }

    private void learnIssuerAndAudience(String accessToken) {
        if (group.issuer != null) {
            return;
        }
        String[] parts = accessToken.split("\\.");
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode aud = claims.path("aud").isArray() ? claims.path("aud").path(0) : claims.path("aud");
            group.issuer = claims.path("iss").asText();
            group.audience = aud.asText();
        } catch (IOException | RuntimeException e) {
            // the forged cases stop with "no token ... seen"
        }
    }
}
