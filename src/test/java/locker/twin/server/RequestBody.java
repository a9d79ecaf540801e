package locker.twin.server;

import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A request body read into string fields the way Fiber's {@code c.BodyParser} fills a Go struct: by Content-Type,
 * JSON keys matched against the fields' JSON names, form and multipart keys against the Go field names (both ignoring
 * case), XML elements against the Go field names.
 */
final class RequestBody {
    /** One string field of the Go struct: its JSON name and its Go name. */
    record Field(String jsonName, String goName) {}

    /** No DTD is read and no entity resolved: Go's decoder knows only the predefined ones. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private RequestBody() {}

    /** The values of {@code fields} in order ({@code ""} when absent), and whether Fiber reports a parse error. */
    static Json.Decoded parse(Context ctx, List<Field> fields) {
        String type = mediaType(ctx.header("Content-Type"));
        if (type.endsWith("json")) {
            return Json.decodeStringFields(ContentEncoding.decode(ctx), fields.stream().map(Field::jsonName)
                    .toArray(String[]::new));
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return fromForm(FormBody.parse(HttpPipeline.body(ctx)), fields);
        }
        if (type.equals("multipart/form-data")) {
            MultipartForm.Read form = HttpPipeline.multipartForm(ctx);
            return form == null || form.values() == null ? Json.Decoded.failure(fields.size())
                    : fromForm(form.values(), fields);
        }
        if (type.equals("text/xml") || type.equals("application/xml")) {
            return fromXml(ContentEncoding.decode(ctx), fields);
        }
        return Json.Decoded.failure(fields.size());
    }

    /**
     * Fiber's reading of the Content-Type: lower-cased (ASCII), a structured suffix taken for the type
     * ({@code application/soap+xml} reads as {@code application/xml}, {@code type/x+json} as {@code type/json}), cut
     * at {@code ;}.
     */
    static String mediaType(String header) {
        String type = asciiLowerCase(header == null ? "" : header);
        int plus = type.indexOf('+');
        if (plus >= 0) {
            int semicolon = type.indexOf(';');
            String suffix;
            if (semicolon < 0) {
                suffix = type.substring(plus + 1);
            } else if (plus < semicolon) {
                suffix = type.substring(plus + 1, semicolon);
            } else {
                return type.substring(0, semicolon);
            }
            int slash = type.indexOf('/');
            if (slash >= 0) {
                type = type.substring(0, slash + 1) + suffix;
            }
        }
        int semicolon = type.indexOf(';');
        return semicolon < 0 ? type : type.substring(0, semicolon);
    }

    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /**
     * The last value of a key wins, as the form decoder sets a non-slice field. Keys are read in Fiber's bracket notation
     * first ({@code Name[]} is {@code Name}, {@code a[b]} is {@code a.b}); an unmatched bracket fails the whole body.
     */
    private static Json.Decoded fromForm(Map<String, List<String>> form, List<Field> fields) {
        String[] values = new String[fields.size()];
        java.util.Arrays.fill(values, "");
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            String key = bracketNotation(entry.getKey());
            if (key == null) {
                return Json.Decoded.failure(fields.size());
            }
            for (int i = 0; i < values.length; i++) {
                if (key.equalsIgnoreCase(fields.get(i).goName()) && !entry.getValue().isEmpty()) {
                    values[i] = entry.getValue().get(entry.getValue().size() - 1);
                }
            }
        }
        return new Json.Decoded(values, false);
    }

    /** Fiber's {@code parseParamSquareBrackets}; null for unmatched brackets. */
    static String bracketNotation(String key) {
        if (key.indexOf('[') < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        int open = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '[') {
                open++;
                if (i + 1 < key.length() && key.charAt(i + 1) != ']') {
                    out.append('.');
                }
            } else if (c == ']') {
                if (--open < 0) {
                    return null;
                }
            } else {
                out.append(c);
            }
        }
        return open > 0 ? null : out.toString();
    }

    /**
     * Go's {@code xml.Unmarshal} into the struct: the first element is the document, a directive such as a doctype is
     * skipped, whatever follows the first element is not read, and a child element whose name is a Go field's fills it
     * with its text.
     */
    private static Json.Decoded fromXml(byte[] body, List<Field> fields) {
        String[] values = new String[fields.size()];
        java.util.Arrays.fill(values, "");
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog: declaration, doctype, comments
            }
            if (!xml.isStartElement()) {
                return Json.Decoded.failure(fields.size());
            }
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                int field = event == XMLStreamConstants.START_ELEMENT && depth == 1
                        ? fieldIndex(fields, xml.getLocalName()) : -1;
                if (field >= 0) {
                    values[field] = xml.getElementText();
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return new Json.Decoded(values, false);
        } catch (XMLStreamException | RuntimeException e) {
            return Json.Decoded.failure(fields.size());
        }
    }

    private static int fieldIndex(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).goName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code application/x-www-form-urlencoded} read leniently: a malformed escape stays as written. */
    static final class FormBody {
        private FormBody() {}

        static Map<String, List<String>> parse(byte[] body) {
            Map<String, List<String>> form = new LinkedHashMap<>();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            return form;
        }

        private static String decode(String text) {
            return PercentEscapes.decode(text, StandardCharsets.ISO_8859_1, true);
        }
    }
}
