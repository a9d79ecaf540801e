package locker.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;

import java.io.IOException;

/** Reading request bodies: a missing body or field reads as empty, anything that is not JSON is a 400. */
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

    static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
