package locker.reference;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens (HS256 JWT) and refresh tokens (random, stored only as a hash). */
final class Tokens {
    /** Who an access token speaks for. */
    record Principal(long serialId, String studentId, String jti, Instant expiresAt) {}

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Verified tokens remembered at most; past that the memory starts over. */
    static final int VERIFIED_TOKENS_KEPT = 20_000;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final ReferenceServerSettings settings;
    private final SecureRandom random = new SecureRandom();
    /**
     * Tokens this server has verified, by their exact text: a student's token is checked on every request, and
     * decoding it and recomputing its HMAC is a tenth of the server's work in a rush. The same text always
     * verifies the same way, so only the expiry is checked again; revocation is the blacklist's business.
     */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    Tokens(ReferenceServerSettings settings) {
        this.settings = settings;
        this.algorithm = Algorithm.HMAC256(settings.jwtSecret());
        this.verifier = JWT.require(algorithm).withIssuer(settings.issuer()).withAudience(settings.audience()).build();
    }

    String issueAccessToken(long serialId, String studentId) {
        Instant now = Instant.now();
        return JWT.create()
                .withSubject(Long.toString(serialId))
                .withClaim("student_id", studentId)
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(settings.accessTokenTtl()))
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
    }

    /** The principal of a well-formed, correctly signed, unexpired token; empty otherwise. */
    Optional<Principal> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Principal known = verified.get(token);
        if (known != null) {
            // as the verifier does: expired once the current second is past exp
            return Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(known.expiresAt())
                    ? Optional.empty() : Optional.of(known);
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            Principal principal = new Principal(Long.parseLong(jwt.getSubject()), jwt.getClaim("student_id").asString(),
                    jwt.getId(), jwt.getExpiresAtAsInstant());
            if (verified.size() >= VERIFIED_TOKENS_KEPT) {
                verified.clear();
            }
            verified.put(token, principal);
            return Optional.of(principal);
        } catch (JWTVerificationException | NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    Duration refreshTokenTtl() {
        return settings.refreshTokenTtl();
    }

    /** What the database stores of a refresh token: base64url (no padding) of its SHA-256. */
    static String hash(String refreshToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
