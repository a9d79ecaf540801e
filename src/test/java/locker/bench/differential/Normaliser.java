package locker.bench.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import locker.contract.RedisKeys;
import locker.contract.TokenHash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the answers of two servers comparable: what is random or differs by design is replaced by a label that says
 * what it is, numbered in the order of first appearance on that target. Access tokens (JWTs) become
 * {@code <access-token-N>} and their shape is described apart (header, claim names, lifetime, subject); refresh tokens
 * {@code <refresh-token-N>}; a {@code jti} or SHA-256 of a known token names that token; a serial id that is the
 * deployed hash of a known identity becomes {@code <serial of STUDENT_ID>} (any other number stays, so a wrong hash
 * still shows); timestamps {@code <time>}; the target's host and port {@code {authority}}. One normaliser serves one
 * target from one reset to the next, so labels in the database rows match those in the answers.
 */
final class Normaliser {
    private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern PATTERN = Pattern.compile(
            "(?<jwt>eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)"
                    + "|(?<time>\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?)"
                    + "|(?<![A-Za-z0-9_-])(?<b43>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"
                    + "|(?<![A-Za-z0-9_-])(?<b22>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])"
                    + "|(?<![0-9A-Za-z_.])(?<number>[0-9]{1,13})(?![0-9A-Za-z_])");

    private final String authority;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> jtis = new HashMap<>();
    private final Map<String, String> hashes = new HashMap<>();
    private final Map<String, String> serials = new HashMap<>();
    private final Map<String, String> unknowns = new HashMap<>();
    private final List<String> newShapes = new ArrayList<>();
    private int accessTokens;
    private int refreshTokens;
    private int sentTokens;

    Normaliser(String authority) {
        this.authority = authority;
    }

    /** Serial ids equal to this identity's deployed hash read {@code <serial of STUDENT_ID>}. */
    Normaliser identity(String studentId, String name, String phone) {
        serials.putIfAbsent(Long.toString(new Student(studentId, name, phone).serialId()), "<serial of " + studentId + ">");
        return this;
    }

    Normaliser identity(Student student) {
        return identity(student.studentId(), student.name(), student.phone());
    }

    /** {@code text} with every random or target-specific part replaced by its label. */
    String text(String text) {
        if (text == null) {
            return null;
        }
        String replaced = authority.isEmpty() ? text : text.replace(authority, WireRequest.AUTHORITY);
        Matcher m = PATTERN.matcher(replaced);
        StringBuilder out = new StringBuilder(replaced.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replacement(Matcher m) {
        if (m.group("jwt") != null) {
            return "<" + accessToken(m.group("jwt")) + ">";
        }
        if (m.group("time") != null) {
            return "<time>";
        }
        if (m.group("b43") != null) {
            String value = m.group("b43");
            String hashOf = hashes.get(value);
            if (hashOf != null) {
                return "<hash of " + hashOf + ">";
            }
            return "<" + refreshToken(value) + ">";
        }
        if (m.group("b22") != null) {
            String jtiOf = jtis.get(m.group("b22"));
            return jtiOf == null ? m.group("b22") : "<jti of " + jtiOf + ">";
        }
        String serial = serials.get(m.group("number"));
        return serial == null ? m.group("number") : serial;
    }

    private String accessToken(String token) {
        if (tokens.containsKey(token)) {
            return tokens.get(token);
        }
        String label = remember(token, "access-token-" + ++accessTokens);
        newShapes.add(label + ": " + shape(token));
        return label;
    }

    private String refreshToken(String token) {
        return tokens.containsKey(token) ? tokens.get(token) : remember(token, "refresh-token-" + ++refreshTokens);
    }

    /** A token the comparison made itself (a forged one): its jti and hash are named after {@code what}. */
    String sent(String token, String what) {
        return tokens.containsKey(token) ? tokens.get(token)
                : remember(token, "sent-token-" + ++sentTokens + " (" + what + ")");
    }

    /** Labels a token seen for the first time, and its hash and jti after it; returns the label. */
    private String remember(String token, String label) {
        tokens.put(token, label);
        hashes.put(TokenHash.of(token), label);
        String jti = claims(token).map(c -> c.path("jti")).filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
        if (jti != null) {
            jtis.putIfAbsent(jti, label);
        }
        return label;
    }

    /** The token shapes described since the last call, for the exchange that showed them first. */
    List<String> takeNewShapes() {
        List<String> shapes = List.copyOf(newShapes);
        newShapes.clear();
        return shapes;
    }

    /**
     * What a client or a check could rely on in an access token: the header as sent, the claim names in their order,
     * the lifetime ({@code exp - iat}), the jti's length and the subject. The values of {@code iss} and {@code aud}
     * are each deployment's own setting and left out.
     */
    private String shape(String token) {
        String[] parts = token.split("\\.", -1);
        String header = decode(parts[0]);
        Optional<JsonNode> claims = claims(token);
        if (claims.isEmpty()) {
            return "header " + header + "; claims not one JSON object";
        }
        JsonNode c = claims.get();
        List<String> names = new ArrayList<>();
        Iterator<String> fields = c.fieldNames();
        fields.forEachRemaining(names::add);
        StringBuilder shape = new StringBuilder("header ").append(header).append("; claims ").append(String.join(", ", names));
        if (c.path("exp").isNumber() && c.path("iat").isNumber()) {
            shape.append("; exp-iat ").append(c.path("exp").asLong() - c.path("iat").asLong()).append(" s");
        }
        if (c.path("jti").isTextual()) {
            shape.append("; jti ").append(c.path("jti").asText().length()).append(" chars");
        }
        shape.append("; student_id ").append(c.has("student_id") ? c.get("student_id").toString() : "(none)")
                .append("; sub ").append(c.has("sub") ? text(c.get("sub").toString()) : "(none)");
        return shape.toString();
    }

    private static Optional<JsonNode> claims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String decode(String segment) {
        try {
            return new String(Base64.getUrlDecoder().decode(segment.replace("=", "")), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "(not base64url)";
        }
    }

    /**
     * A Redis key's name: a blacklisted jti or token hash names the token it came from, or reads
     * {@code <unknown jti N>} / {@code <unknown token hash N>} when no token of this target carried it.
     */
    String redisKey(String key) {
        if (key.startsWith(RedisKeys.TOKEN_BLACKLIST_PREFIX)) {
            String hash = key.substring(RedisKeys.TOKEN_BLACKLIST_PREFIX.length());
            String of = hashes.get(hash);
            return RedisKeys.TOKEN_BLACKLIST_PREFIX + "<" + (of != null ? "hash of " + of : unknown("token hash", hash)) + ">";
        }
        if (key.startsWith(RedisKeys.BLACKLIST_PREFIX)) {
            String jti = key.substring(RedisKeys.BLACKLIST_PREFIX.length());
            String of = jtis.get(jti);
            return RedisKeys.BLACKLIST_PREFIX + "<" + (of != null ? "jti of " + of : unknown("jti", jti)) + ">";
        }
        return text(key);
    }

    private String unknown(String what, String value) {
        return unknowns.computeIfAbsent(what + ":" + value, k -> "unknown " + what + " " + (unknowns.size() + 1));
    }

    /** The token a stored refresh-token hash belongs to, or {@code <unknown refresh token>}. */
    String storedRefreshToken(String tokenHash) {
        String label = hashes.get(tokenHash);
        return label == null ? "<unknown refresh token>" : "<" + label + ">";
    }
}
