package locker.bench.differential;

import locker.contract.ApiRoute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static locker.bench.differential.CaseKind.TOKENS;
import static locker.bench.differential.Cases.authMe;
import static locker.bench.differential.Cases.list;
import static locker.bench.differential.Cases.logout;
import static locker.bench.differential.Cases.me;
import static locker.bench.differential.Cases.refreshJson;
import static locker.bench.differential.Cases.student;
import static locker.bench.differential.DiffCase.client;
import static locker.bench.differential.DiffCase.handMade;

/**
 * Access tokens as the token check meets them: the Authorization header's form, the claims (forged with each target's
 * own key: {@code exp} and {@code nbf} at the edges of float64 and int64, missing claims, the subject), the header's
 * algorithm, the signature, the blacklist.
 */
final class TokenCases {
    private TokenCases() {}

    private static final String TWO_TO_THE_63 = "9223372036854775808";

    static List<CaseGroup> groups() {
        List<DiffCase> cases = new ArrayList<>();
        cases.add(client(TOKENS, "a valid token", run -> run.send("GET /lockers/me", me(run.login(student(5)).accessToken()))));
        cases.add(client(TOKENS, "no Authorization header", run -> run.send("GET /lockers/me", WireRequest.get(ApiRoute.MY_LOCKER.fullPath()))));
        // hand-made: a browser strips whitespace around a header value before sending it (Fetch's normalisation), and
        // a server's HTTP parser may drop it (RFC 9110 §5.5); fasthttp keeps a trailing tab, Jetty does not
        header(cases, false, "'Bearer <valid>' followed by a tab", token -> "Bearer " + token + "\t");
        header(cases, true, "'Bearer <valid>' followed by a space", token -> "Bearer " + token + " ");
        header(cases, true, "lowercase 'bearer <valid>'", token -> "bearer " + token);
        header(cases, true, "'Bearer  <valid>' with two spaces", token -> "Bearer  " + token);
        header(cases, true, "'Bearer' without a token", token -> "Bearer");
        header(cases, true, "'Bearer ' and nothing after the space", token -> "Bearer ");
        header(cases, true, "'Token <valid>'", token -> "Token " + token);
        header(cases, false, "'Bearer\\t<valid>' with a tab instead of the space", token -> "Bearer\t" + token);
        cases.add(handMade(TOKENS, "two Authorization headers, the valid one first", run -> {
            String token = run.login(student(5)).accessToken();
            run.send("GET /lockers/me", WireRequest.get(ApiRoute.MY_LOCKER.fullPath()).header("Authorization", "Bearer " + token)
                    .header("Authorization", "Bearer nonsense"));
        }));
        cases.add(handMade(TOKENS, "two Authorization headers, the valid one second", run -> {
            String token = run.login(student(5)).accessToken();
            run.send("GET /lockers/me", WireRequest.get(ApiRoute.MY_LOCKER.fullPath()).header("Authorization", "Bearer nonsense")
                    .header("Authorization", "Bearer " + token));
        }));
        cases.add(client(TOKENS, "a token blacklisted by logout", run -> {
            Session session = run.login(student(5));
            run.send("logout", logout(refreshJson(session.refreshToken()), session.accessToken()));
            run.send("GET /lockers/me with the logged-out token", me(session.accessToken()));
            run.send("GET /lockers with the logged-out token", list(session.accessToken()));
        }));
        cases.add(handMade(TOKENS, "a valid token with its signature's last character changed", run -> {
            String token = run.login(student(5)).accessToken();
            // the last of the signature's 43 characters carries 4 bits and 2 bits of padding: 'A' and 'E' differ in a
            // signature bit, 'A' and 'B' only in padding, which a lenient decoder ignores (the token would stay valid)
            char last = token.charAt(token.length() - 1);
            run.send("GET /lockers/me", me(token.substring(0, token.length() - 1) + (last == 'A' ? 'E' : 'A')));
        }));
        cases.add(handMade(TOKENS, "a valid token with base64 padding on its segments", run -> {
            String[] parts = run.login(student(5)).accessToken().split("\\.");
            run.send("GET /lockers/me", me(pad(parts[0]) + "." + pad(parts[1]) + "." + pad(parts[2])));
        }));
        cases.add(handMade(TOKENS, "a valid token with a fourth segment", run -> run.send("GET /lockers/me",
                me(run.login(student(5)).accessToken() + ".AAAA"))));
        cases.add(handMade(TOKENS, "a token signed with another key", run -> {
            run.login(student(5));
            TokenForge other = new TokenForge("not-the-servers-key", "locker-server", "locker-client");
            run.send("GET /lockers/me", me(run.sent(other.token(other.claims(student(5))), "another key")));
        }));

        forged(cases, true, "exp 10 s ago (an expired token)", c -> c.put("exp", Long.toString(now() - 10)));
        forged(cases, false, "exp 1e17", c -> c.put("exp", "1e17"));
        forged(cases, false, "exp 1e300", c -> c.put("exp", "1e300"));
        forged(cases, false, "exp 2^63", c -> c.put("exp", TWO_TO_THE_63));
        forged(cases, false, "exp 2^63 - 1", c -> c.put("exp", "9223372036854775807"));
        forged(cases, false, "exp negative", c -> c.put("exp", "-1"));
        forged(cases, false, "exp a string of a future time", c -> c.put("exp", "\"" + (now() + 600) + "\""));
        forged(cases, false, "exp a fraction in the future", c -> c.put("exp", (now() + 600) + ".5"));
        forged(cases, false, "exp null", c -> c.put("exp", "null"));
        forged(cases, false, "nbf 1e17", c -> c.put("nbf", "1e17"));
        forged(cases, false, "nbf 1e300", c -> c.put("nbf", "1e300"));
        forged(cases, false, "nbf 2^63", c -> c.put("nbf", TWO_TO_THE_63));
        forged(cases, false, "nbf negative", c -> c.put("nbf", "-1"));
        forged(cases, false, "nbf a string", c -> c.put("nbf", "\"" + (now() - 10) + "\""));
        forged(cases, false, "nbf in 10 minutes", c -> c.put("nbf", Long.toString(now() + 600)));
        forged(cases, false, "iat in an hour", c -> c.put("iat", Long.toString(now() + 3600)));
        forged(cases, false, "iat a string", c -> c.put("iat", "\"now\""));
        forged(cases, false, "no exp", c -> c.remove("exp"));
        forged(cases, false, "no iss", c -> c.remove("iss"));
        forged(cases, false, "no aud", c -> c.remove("aud"));
        forged(cases, false, "no sub", c -> c.remove("sub"));
        forged(cases, false, "no jti", c -> c.remove("jti"));
        forged(cases, false, "no student_id", c -> c.remove("student_id"));
        forged(cases, false, "aud an array holding the audience", c -> c.put("aud", "[" + c.get("aud") + "]"));
        forged(cases, false, "aud an array without the audience", c -> c.put("aud", "[\"someone-else\"]"));
        forged(cases, false, "another iss", c -> c.put("iss", "\"someone-else\""));
        forged(cases, false, "sub \"0\" (the handlers refuse serial 0)", c -> c.put("sub", "\"0\""));
        forged(cases, false, "sub \"-5\"", c -> c.put("sub", "\"-5\""));
        forged(cases, false, "sub \"+5\"", c -> c.put("sub", "\"+5\""));
        forged(cases, false, "sub \"abc\"", c -> c.put("sub", "\"abc\""));
        forged(cases, false, "sub a number", c -> c.put("sub", "5"));
        forged(cases, false, "sub beyond int64", c -> c.put("sub", "\"" + TWO_TO_THE_63 + "\""));
        forged(cases, false, "student_id a number", c -> c.put("student_id", "9900000005"));
        forgedToken(cases, "claims followed by bytes after the JSON", (forge, c) ->
                forge.token(TokenForge.HEADER, TokenForge.json(c) + "xyz"));
        forgedToken(cases, "claims followed by a second JSON object", (forge, c) ->
                forge.token(TokenForge.HEADER, TokenForge.json(c) + "{\"sub\":\"0\"}"));
        forgedToken(cases, "claims with exp twice, the past one last", (forge, c) ->
                forge.token(TokenForge.HEADER, TokenForge.json(c).replace("}", ",\"exp\":1}")));
        forgedToken(cases, "claims with spaces and line breaks", (forge, c) ->
                forge.token(TokenForge.HEADER, TokenForge.json(c).replace(",", " ,\n ")));
        forgedToken(cases, "alg HS384, signed HS384", (forge, c) -> forge.signed("HmacSHA384",
                TokenForge.segment("{\"alg\":\"HS384\",\"typ\":\"JWT\"}") + "." + TokenForge.segment(TokenForge.json(c))));
        forgedToken(cases, "alg none, no signature", (forge, c) ->
                TokenForge.segment("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + TokenForge.segment(TokenForge.json(c)) + ".");
        forgedToken(cases, "alg hs256 in lower case, signed HS256", (forge, c) ->
                forge.token("{\"alg\":\"hs256\",\"typ\":\"JWT\"}", TokenForge.json(c)));
        forgedToken(cases, "alg RS256, signed HS256", (forge, c) ->
                forge.token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", TokenForge.json(c)));
        forgedToken(cases, "a header of alg only", (forge, c) -> forge.token("{\"alg\":\"HS256\"}", TokenForge.json(c)));
        forgedToken(cases, "a header that is not JSON", (forge, c) -> forge.token("alg=HS256", TokenForge.json(c)));
        cases.add(DiffCase.forged(TOKENS, "a token for a serial id without a user (auth/me)", false, run -> {
            Session session = run.login(student(5));
            Map<String, String> c = run.forge().claims(session.student());
            c.put("sub", "\"123\"");
            String token = run.sent(run.forge().token(c), "serial 123");
            run.send("GET /auth/me", authMe(token));
            run.send("GET /lockers/me", me(token));
        }));
        return cases.stream().map(CaseGroup::alone).toList();
    }

    private static void header(List<DiffCase> cases, boolean client, String what, UnaryOperator<String> value) {
        cases.add(new DiffCase("Authorization " + what, TOKENS, client, false, run -> {
            String token = run.login(student(5)).accessToken();
            run.send("GET /lockers/me", WireRequest.get(ApiRoute.MY_LOCKER.fullPath()).header("Authorization", value.apply(token)));
        }));
    }

    /** A token whose claims are the target's own with one edit; sent to GET /lockers/me and GET /lockers. */
    private static void forged(List<DiffCase> cases, boolean client, String what, Consumer<Map<String, String>> edit) {
        cases.add(DiffCase.forged(TOKENS, "a forged token: " + what, client, run -> {
            Session session = run.login(student(5));
            Map<String, String> claims = run.forge().claims(session.student());
            edit.accept(claims);
            String token = run.sent(run.forge().token(claims), what);
            run.send("GET /lockers/me", me(token));
            run.send("GET /lockers", list(token));
        }));
    }

    private static void forgedToken(List<DiffCase> cases, String what, BiFunction<TokenForge, Map<String, String>, String> make) {
        cases.add(DiffCase.forged(TOKENS, "a forged token: " + what, false, run -> {
            Session session = run.login(student(5));
            TokenForge forge = run.forge();
            String token = run.sent(make.apply(forge, forge.claims(session.student())), what);
            run.send("GET /lockers/me", me(token));
        }));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String pad(String segment) {
        return segment + "=".repeat((4 - segment.length() % 4) % 4);
    }
}
