package locker.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a student reads off {@code GET /lockers}: how many lockers there are, and the ids of those without
 * an owner ({@code owner_serial_id} absent or null). The list is the largest answer of the rush (one object
 * per locker), so it is read in one streaming pass instead of being built into a tree and queried.
 */
public record LockerList(int count, List<Integer> free) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads an answer of {@code GET /lockers}; anything without a {@code lockers} array is refused. */
    public static LockerList parse(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            LockerList list = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = parser.nextToken();
                if ("lockers".equals(parser.currentName())) {
                    expect(value, JsonToken.START_ARRAY);
                    list = lockers(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (list == null) {
                throw new IllegalArgumentException("no \"lockers\" array in the answer");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("not a locker list: " + e.getMessage(), e);
        }
    }

    private static LockerList lockers(JsonParser parser) throws IOException {
        int count = 0;
        List<Integer> free = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser.currentToken(), JsonToken.START_OBJECT);
            count++;
            Integer lockerId = null;
            boolean owned = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("locker_id".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    lockerId = parser.getIntValue();
                } else if ("owner_serial_id".equals(field)) {
                    owned = value != JsonToken.VALUE_NULL;
                }
                parser.skipChildren();
            }
            if (!owned && lockerId != null) {
                free.add(lockerId);
            }
        }
        return new LockerList(count, List.copyOf(free));
    }

    private static void expect(JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + found);
        }
    }
}
