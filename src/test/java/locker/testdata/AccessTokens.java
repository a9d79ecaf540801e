package locker.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/** Reads the {@code jti} claim of an access token (a JWT), without verifying it. */
final class AccessTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokens() {}

    static Optional<String> jti(String accessToken) {
        String[] parts = accessToken == null ? new String[0] : accessToken.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode jti = claims.get("jti");
            return jti != null && jti.isTextual() && !jti.asText().isEmpty() ? Optional.of(jti.asText()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
