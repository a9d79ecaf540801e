package locker.testsupport.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;

/** One answer of the server: status code and body, the body read as JSON when it is JSON. */
public record ApiResponse(int status, String body) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonNode json() {
        if (body.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + body, e);
        }
    }

    /** The message of an error answer: its whole text body. */
    public String error() {
        return body;
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
