package locker.bench.differential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens signed with a target's own key, with header and claims given as raw JSON text, so that a case can
 * put in what no JWT library writes: {@code exp} of {@code 1e300}, bytes after the claims' JSON, a wrong {@code alg}.
 * The issuer and audience are the target's own, read from a token it issued.
 */
final class TokenForge {
    static final String HEADER = "{\"alg\":\"HS256\",\"kid\":\"hs256-main\",\"typ\":\"JWT\"}";
    private static final Base64.Encoder SEGMENT = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final String issuer;
    private final String audience;

    TokenForge(String secret, String issuer, String audience) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.issuer = issuer;
        this.audience = audience;
    }

    /**
     * The claims of a token the target would issue to {@code student} now (the deployed names, in sorted order), each
     * value as raw JSON; a case edits the map and passes it to {@link #json}.
     */
    Map<String, String> claims(Student student) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("aud", quoted(audience));
        claims.put("exp", Long.toString(now + 1800));
        claims.put("iat", Long.toString(now));
        claims.put("iss", quoted(issuer));
        claims.put("jti", quoted(jti()));
        claims.put("student_id", quoted(student.studentId()));
        claims.put("sub", quoted(Long.toString(student.serialId())));
        return claims;
    }

    static String json(Map<String, String> rawValues) {
        return rawValues.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Header and claims as given, signed HS256. */
    String token(String header, String claims) {
        return signed("HmacSHA256", segment(header) + "." + segment(claims));
    }

    String token(Map<String, String> claims) {
        return token(HEADER, json(claims));
    }

    /** Header and claims signed with another HMAC ({@code HmacSHA384}, {@code HmacSHA512}). */
    String signed(String macAlgorithm, String signingInput) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(secret, macAlgorithm));
            return signingInput + "." + SEGMENT.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macAlgorithm + " is part of every JVM", e);
        }
    }

    static String segment(String json) {
        return SEGMENT.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String jti() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return SEGMENT.encodeToString(bytes);
    }
}
