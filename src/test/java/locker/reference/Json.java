package locker.reference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;

/**
 * JSON in and out. Reading request bodies: a missing body or field reads as empty, anything that is not
 * JSON is a 400. Answers are written as UTF-8 bytes straight away: the location names are Korean, and
 * going through a Java string first (Javalin's {@code ctx.json}) costs a UTF-16 copy and a re-encoding of
 * every locker list.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("invalid request body");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("invalid request body");
        }
    }

    /** Answers {@code body} as JSON with the context's status. */
    static void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of maps, lists and values always serialises", e);
        }
    }

    /** Work that writes an answer with a JSON generator. */
    @FunctionalInterface
    interface Writing {
        void write(JsonGenerator json) throws IOException, SQLException;
    }

    /** Answers what {@code writing} writes, as JSON with the context's status. */
    static void send(Context ctx, Writing writing) throws SQLException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(body)) {
            writing.write(json);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        ctx.contentType("application/json").result(body.toByteArray());
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
