package locker.twin.server;

import io.javalin.http.Context;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * A request body read into string fields the way Fiber's {@code c.BodyParser} fills a Go struct: by Content-Type,
 * JSON keys matched against the fields' JSON names, form and multipart keys against the Go field names (both ignoring
 * case), XML elements against the Go field names.
 */
final class RequestBody {
    /** One string field of the Go struct: its JSON name and its Go name. */
    record Field(String jsonName, String goName) {}

    private RequestBody() {}

    /** The values of {@code fields} in order ({@code ""} when absent), and whether Fiber reports a parse error. */
    static Json.Decoded parse(Context ctx, List<Field> fields) {
        String type = mediaType(ctx.header("Content-Type"));
        if (type.endsWith("json")) {
            return Json.decodeStringFields(ctx.bodyAsBytes(), fields.stream().map(Field::jsonName).toArray(String[]::new));
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return fromForm(FormBody.parse(ctx.bodyAsBytes()), fields);
        }
        if (type.startsWith("multipart/form-data")) {
            try {
                return fromForm(ctx.formParamMap(), fields);
            } catch (RuntimeException e) {
                return Json.Decoded.failure(fields.size());
            }
        }
        if (type.startsWith("text/xml") || type.startsWith("application/xml")) {
            return fromXml(ctx.bodyAsBytes(), fields);
        }
        return Json.Decoded.failure(fields.size());
    }

    /** Lower-cased and cut at {@code ;}; a vendor type {@code type/vnd.x+suffix} reads as {@code type/suffix}. */
    static String mediaType(String header) {
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash >= 0 && type.startsWith("vnd.", slash + 1)) {
            int plus = type.indexOf('+', slash);
            int semicolon = type.indexOf(';');
            if (plus > 0 && (semicolon < 0 || plus < semicolon)) {
                type = type.substring(0, slash + 1) + type.substring(plus + 1);
            }
        }
        int semicolon = type.indexOf(';');
        return semicolon < 0 ? type : type.substring(0, semicolon);
    }

    /** The last value of a key wins, as the form decoder sets a non-slice field. */
    private static Json.Decoded fromForm(Map<String, List<String>> form, List<Field> fields) {
        String[] values = new String[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = "";
            for (Map.Entry<String, List<String>> entry : form.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(fields.get(i).goName()) && !entry.getValue().isEmpty()) {
                    values[i] = entry.getValue().get(entry.getValue().size() - 1);
                }
            }
        }
        return new Json.Decoded(values, false);
    }

    private static Json.Decoded fromXml(byte[] body, List<Field> fields) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            String[] values = new String[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = "";
                for (Node child = document.getDocumentElement().getFirstChild(); child != null;
                     child = child.getNextSibling()) {
                    if (child instanceof Element element && fields.get(i).goName().equals(element.getLocalName())) {
                        values[i] = element.getTextContent();
                    }
                }
            }
            return new Json.Decoded(values, false);
        } catch (Exception e) {
            return Json.Decoded.failure(fields.size());
        }
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
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '+') {
                    bytes.write(' ');
                } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                    bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static int hex(char c) {
            return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
        }
    }
}
