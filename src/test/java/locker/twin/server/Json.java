package locker.twin.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * JSON as the deployed server reads and writes it (Go's {@code encoding/json}). Answers are compact, fields in the
 * order given, non-ASCII as raw UTF-8, and {@code < > &}, U+2028 and U+2029 escaped as Go escapes them. They are
 * written as UTF-8 bytes straight away: the location names are Korean, and going through a Java string first costs a
 * UTF-16 copy and a re-encoding of every locker list.
 */
final class Json {
    static final String CONTENT_TYPE = "application/json";
    /**
     * Go's decoder has no limit on numbers, names or strings and refuses nesting deeper than 10,000; Jackson's own
     * defaults are tighter, and would refuse bodies the deployed server reads.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(10_000)
                    .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build());

    static {
        MAPPER.getFactory().setCharacterEscapes(new GoEscapes());
    }

    private Json() {}

    /** The mapper answers are written with (Go's escaping); also for tokens' JSON segments. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Answers {@code body} as JSON with the context's status. */
    static void send(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("an answer of maps, lists and values always serialises", e);
        }
    }

    /** Answers with what {@code writing} writes, as JSON with the context's status. */
    static void send(Context ctx, Writing writing) {
        ctx.contentType(CONTENT_TYPE).result(bytes(writing));
    }

    /** Work that writes an answer with a JSON generator. */
    @FunctionalInterface
    interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    static byte[] bytes(Writing writing) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(body)) {
            writing.write(json);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return body.toByteArray();
    }

    /** Reads a JSON document that is one value and nothing after it, or null when it is not. */
    static JsonNode readWhole(byte[] bytes) {
        if (startsWithByteOrderMark(bytes)) {
            return null;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            if (parser.nextToken() == null) {
                return null;
            }
            JsonNode node = MAPPER.readTree(parser);
            return parser.nextToken() == null ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Decodes a JSON object into the string fields named {@code names}, as Go's {@code json.Unmarshal} fills a struct
     * of string fields: a key matches a name exactly or else ignoring case, later keys win, {@code null} leaves a field
     * as it was, unknown keys are skipped. Returns the values ({@code ""} when absent) and whether Go reports an error:
     * a syntax error (nothing is filled then), trailing data, or a value that is not a string (the others are filled).
     */
    static Decoded decodeStringFields(byte[] body, String... names) {
        if (startsWithByteOrderMark(body)) {
            return Decoded.failure(names.length);
        }
        byte[] bytes = GoText.validUtf8(body);
        String[] values = Decoded.emptyValues(names.length);
        boolean typeError = false;
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Decoded.failure(names.length);
            }
            if (first == JsonToken.START_OBJECT) {
                String[] decoded = values.clone();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    int field = fieldIndex(names, parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING) {
                        if (field >= 0) {
                            decoded[field] = GoText.withoutLoneSurrogates(parser.getText());
                        }
                    } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        typeError |= field >= 0;
                        parser.skipChildren();
                    } else if (value != JsonToken.VALUE_NULL) {
                        typeError |= field >= 0;
                    }
                }
                values = decoded;
            } else if (first == JsonToken.START_ARRAY) {
                parser.skipChildren();
                typeError = true;
            } else if (first != JsonToken.VALUE_NULL) {
                typeError = true;
            }
            if (parser.nextToken() != null) {
                return Decoded.failure(names.length);
            }
        } catch (IOException e) {
            return Decoded.failure(names.length);
        }
        return new Decoded(values, typeError);
    }

    /** Field values of a decoded body and whether decoding reported an error. */
    record Decoded(String[] values, boolean failed) {
        static Decoded failure(int fields) {
            return new Decoded(emptyValues(fields), true);
        }

        String value(int field) {
            return values[field];
        }

        private static String[] emptyValues(int fields) {
            String[] values = new String[fields];
            Arrays.fill(values, "");
            return values;
        }
    }

    private static int fieldIndex(String[] names, String key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    /** Go's {@code encoding/json} escapes on top of JSON's own. */
    private static final class GoEscapes extends CharacterEscapes {
        private static final SerializableString LT = new SerializedString("\\u003c");
        private static final SerializableString GT = new SerializedString("\\u003e");
        private static final SerializableString AMP = new SerializedString("\\u0026");
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii;

        GoEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_CUSTOM;
            ascii['>'] = ESCAPE_CUSTOM;
            ascii['&'] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '<' -> LT;
                case '>' -> GT;
                case '&' -> AMP;
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
