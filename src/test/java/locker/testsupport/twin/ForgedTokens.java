package locker.testsupport.twin;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import locker.twin.server.ReferenceServerSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Access tokens the server accepts, signed in the test with the server's own key, for subjects no login gives. */
public final class ForgedTokens {
    private ForgedTokens() {}

    public static String withSubject(ReferenceServerSettings settings, String subject, String studentId) {
        Instant now = Instant.now();
        return JWT.create()
                .withKeyId("hs256-main")
                .withSubject(subject)
                .withClaim("student_id", studentId)
                .withIssuer(settings.issuer())
                .withAudience(settings.audience())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(Duration.ofMinutes(5)))
                .withJWTId(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(settings.jwtSecret()));
    }
}
