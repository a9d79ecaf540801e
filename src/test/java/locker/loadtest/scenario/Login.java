package locker.loadtest.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import locker.contract.AuthFields;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a student reads off a successful login: the access token (the next steps send it) and the serial id the
 * server gave the student (deployed-service.md §5.3; it must be there, nothing later needs it). Read in one
 * streaming pass.
 */
public record Login(String accessToken, long serialId) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Reads an answer of {@code POST /auth/login-or-register}; one without a token or serial id is refused. */
    public static Login parse(byte[] body) {
        String accessToken = null;
        Long serialId = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the login answer is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (AuthFields.ACCESS_TOKEN.equals(field) && value == JsonToken.VALUE_STRING) {
                    accessToken = parser.getText();
                } else if (AuthFields.SERIAL_ID.equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    serialId = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a login answer: " + e.getMessage(), e);
        }
        if (accessToken == null || serialId == null) {
            throw new IllegalArgumentException("the login answer has no " + (accessToken == null ? AuthFields.ACCESS_TOKEN : AuthFields.SERIAL_ID));
        }
        return new Login(accessToken, serialId);
    }
}
