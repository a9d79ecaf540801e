package locker.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * What "my locker" shows (deployed-service.md §5.8): the locker's id and its owner's student id, both null when
 * the answer is {@code {"locker": null}}. Read in one streaming pass.
 */
public record MyLocker(Integer lockerId, String owner) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads an answer of {@code GET /lockers/me}; anything without a {@code locker} key is refused. */
    public static MyLocker parse(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            MyLocker found = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("locker".equals(field)) {
                    found = value == JsonToken.START_OBJECT ? locker(parser) : new MyLocker(null, null);
                    if (value != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("no \"locker\" in the answer");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("not a \"my locker\" answer: " + e.getMessage(), e);
        }
    }

    /** True when it shows {@code lockerId}, owned by {@code studentId}. */
    public boolean shows(int expectedLockerId, String studentId) {
        return lockerId != null && lockerId == expectedLockerId && Objects.equals(owner, studentId);
    }

    @Override
    public String toString() {
        return lockerId == null ? "no locker" : "locker " + lockerId + " of " + owner;
    }

    private static MyLocker locker(JsonParser parser) throws IOException {
        Integer lockerId = null;
        String owner = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("locker_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                lockerId = parser.getIntValue();
            } else if ("owner".equals(field) && value == JsonToken.VALUE_STRING) {
                owner = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return new MyLocker(lockerId, owner);
    }
}
