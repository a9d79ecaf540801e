package locker.twin.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens (HS256 JWS, byte for byte as the deployed server issues them) and refresh tokens (random, stored only
 * as a hash). Verification follows golang-jwt v5 with the deployed options: HS256 only, {@code exp} and {@code nbf}
 * checked when present, {@code iat} not, {@code aud} and {@code iss} required, then {@code sub} a signed 64-bit integer.
 */
final class Tokens {
    /** Who an access token speaks for; {@code jti} and {@code expiresAt} are null when the token has none. */
    record Principal(long serialId, String studentId, String jti, GoTime expiresAt) {}

    /** base64url of {@code {"alg":"HS256","kid":"hs256-main","typ":"JWT"}}: Go marshals the header map sorted. */
    static final String HEADER_SEGMENT = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImhzMjU2LW1haW4iLCJ0eXAiOiJKV1QifQ";
    /** Verified tokens remembered at most; past that the memory starts over. */
    static final int VERIFIED_TOKENS_KEPT = 20_000;
    /** The algorithms golang-jwt knows; a token naming another one does not even parse unverified. */
    private static final Set<String> KNOWN_ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "none");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final ReferenceServerSettings settings;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final SecureRandom random = new SecureRandom();
    /**
     * Tokens this server has verified, by their exact text: a student's token is checked on every request, and
     * decoding it and recomputing its HMAC is a tenth of the server's work in a rush. The same text always
     * verifies the same way, so only the expiry is checked again; revocation is the blacklist's business.
     */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    Tokens(ReferenceServerSettings settings) {
        this.settings = settings;
        this.key = new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every JVM has HmacSHA256", e);
            }
        });
    }

    String issueAccessToken(long serialId, String studentId) {
        long issuedAt = Instant.now().getEpochSecond();
        byte[] claims = Json.bytes(json -> writeClaims(json, serialId, studentId, issuedAt));
        String signingInput = HEADER_SEGMENT + "." + BASE64URL.encodeToString(claims);
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    private void writeClaims(JsonGenerator json, long serialId, String studentId, long issuedAt)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("aud", settings.audience());
        json.writeNumberField("exp", issuedAt + settings.accessTokenTtl().toSeconds());
        json.writeNumberField("iat", issuedAt);
        json.writeStringField("iss", settings.issuer());
        json.writeStringField("jti", randomToken(16));
        json.writeStringField("student_id", studentId);
        json.writeStringField("sub", Long.toString(serialId));
        json.writeEndObject();
    }

    /** The principal this server verified the exact text of before, still unexpired; null otherwise. */
    Principal remembered(String token) {
        Principal known = verified.get(token);
        return known != null && isUnexpired(known) ? known : null;
    }

    /** The principal of a well-formed, correctly signed, valid token with a usable {@code sub}; null otherwise. */
    Principal verify(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        Principal known = verified.get(token);
        if (known != null) {
            return isUnexpired(known) ? known : null;
        }
        Principal principal = verifyAfresh(token);
        if (principal != null) {
            if (verified.size() >= VERIFIED_TOKENS_KEPT) {
                verified.clear();
            }
            verified.put(token, principal);
        }
        return principal;
    }

    /**
     * The {@code jti} of a token read without verifying it (golang-jwt's {@code ParseUnverified} and a string
     * {@code jti} claim), or null when it does not parse or has no string {@code jti}.
     */
    static String unverifiedJti(String token) {
        Parsed parsed = Parsed.of(token);
        if (parsed == null || parsed.algorithm() == null || !KNOWN_ALGORITHMS.contains(parsed.algorithm())) {
            return null;
        }
        JsonNode jti = parsed.claims().get("jti");
        return jti != null && jti.isTextual() ? jti.asText() : null;
    }

    private Principal verifyAfresh(String token) {
        Parsed parsed = Parsed.of(token);
        if (parsed == null || !"HS256".equals(parsed.algorithm())) {
            return null;
        }
        byte[] signature = decodeSegment(parsed.signatureSegment());
        if (signature == null || !MessageDigest.isEqual(signature, sign(parsed.signingInput()))) {
            return null;
        }
        JsonNode claims = parsed.claims();
        GoTime now = GoTime.now();
        NumericDate expiry = NumericDate.of(claims, "exp");
        NumericDate notBefore = NumericDate.of(claims, "nbf");
        if (expiry == null || notBefore == null
                || (expiry.time() != null && !now.isBefore(expiry.time()))
                || (notBefore.time() != null && now.isBefore(notBefore.time()))
                || !hasAudience(claims.get("aud"), settings.audience())
                || !hasIssuer(claims.get("iss"), settings.issuer())) {
            return null;
        }
        JsonNode sub = claims.get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isEmpty()) {
            return null;
        }
        Long serialId = GoInt64.parse(sub.asText());
        if (serialId == null) {
            return null;
        }
        JsonNode studentId = claims.get("student_id");
        JsonNode jti = claims.get("jti");
        return new Principal(serialId, studentId != null && studentId.isTextual() ? studentId.asText() : "",
                jti != null && jti.isTextual() ? jti.asText() : null, expiry.time());
    }

    private static boolean isUnexpired(Principal principal) {
        return principal.expiresAt() == null || GoTime.now().isBefore(principal.expiresAt());
    }

    /** {@code aud} is a string or an array of strings, one of which is the expected audience. */
    private static boolean hasAudience(JsonNode aud, String expected) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return aud.asText().equals(expected);
        }
        if (!aud.isArray()) {
            return false;
        }
        boolean found = false;
        for (JsonNode element : aud) {
            if (!element.isTextual()) {
                return false;
            }
            found |= element.asText().equals(expected);
        }
        return found;
    }

    private static boolean hasIssuer(JsonNode iss, String expected) {
        return iss != null && iss.isTextual() && !iss.asText().isEmpty() && iss.asText().equals(expected);
    }

    private byte[] sign(String signingInput) {
        return macs.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    String newRefreshToken() {
        return randomToken(32);
    }

    /** {@code n} random bytes in base64url without padding, as the deployed {@code RandomToken(n)}. */
    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    Duration refreshTokenTtl() {
        return settings.refreshTokenTtl();
    }

    /** How long a blacklist entry lives: the access-token lifetime, from the moment of blacklisting. */
    long blacklistSeconds() {
        return settings.accessTokenTtl().toSeconds();
    }

    /** Base64url without padding, as Go's {@code RawURLEncoding}; null when it is not. */
    private static byte[] decodeSegment(String segment) {
        if (segment.indexOf('=') >= 0) {
            return null;
        }
        try {
            return BASE64URL_DECODER.decode(segment);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A token split and decoded without verification: its header's {@code alg} and its claims object. */
    private record Parsed(String algorithm, JsonNode claims, String signingInput, String signatureSegment) {
        static Parsed of(String token) {
            if (token == null) {
                return null;
            }
            int first = token.indexOf('.');
            int second = first < 0 ? -1 : token.indexOf('.', first + 1);
            if (second < 0 || token.indexOf('.', second + 1) >= 0) {
                return null;
            }
            byte[] header = decodeSegment(token.substring(0, first));
            byte[] claims = header == null ? null : decodeSegment(token.substring(first + 1, second));
            if (claims == null) {
                return null;
            }
            JsonNode headerJson = Json.readWhole(header);
            if (headerJson == null || !(headerJson.isObject() || headerJson.isNull())) {
                return null;
            }
            // json.Unmarshal: one value and nothing after it
            JsonNode claimsJson = Json.readWhole(claims);
            if (claimsJson == null || !(claimsJson.isObject() || claimsJson.isNull())) {
                return null;
            }
            JsonNode alg = headerJson.get("alg");
            return new Parsed(alg != null && alg.isTextual() ? alg.asText() : null,
                    claimsJson.isNull() ? Json.mapper().createObjectNode() : claimsJson,
                    token.substring(0, second), token.substring(second + 1));
        }
    }

    /**
     * A NumericDate claim as golang-jwt reads it from {@code MapClaims}: absent (or 0) gives an empty date, anything but
     * a number gives null (an invalid token), and a number of seconds becomes Go's {@code time.Unix} of it, cut to
     * whole seconds, with Go's conversions: a value beyond {@code int64} becomes its smallest value (so
     * {@code 1e300} is long past), and far-future seconds wrap ({@link GoTime}). A number beyond {@code float64} is a
     * decoding error in Go, so an invalid token here.
     */
    private record NumericDate(GoTime time) {
        static NumericDate of(JsonNode claims, String name) {
            JsonNode value = claims.get(name);
            if (value == null) {
                return new NumericDate(null);
            }
            if (!value.isNumber() || Double.isInfinite(value.asDouble())) {
                return null;
            }
            double seconds = value.asDouble();
            return new NumericDate(seconds == 0 ? null : GoTime.fromSeconds(seconds));
        }
    }
}
