package locker.twin.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body as the deployed server reads it: fasthttp takes the boundary from the
 * Content-Type (case-sensitive {@code multipart/form-data;} then a {@code boundary=} parameter, quotes removed), and
 * Go's {@code mime/multipart} reads the parts: the preamble up to the first delimiter line is skipped, each part's
 * header lines need a colon, and a part's content must end at a delimiter. fasthttp reads the form before routing when
 * the body has a known length and no Content-Encoding; a form that does not read is then answered 400 with Go's error.
 * Only the errors the deployed server was seen to give are named; the rest of Go's reader is not modelled.
 */
final class MultipartForm {
    private static final String TYPE = "multipart/form-data";
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=(?:\"([^\"]*)\"|([^;\\s]*))");

    /** The form's values by field name, or the error Go gives reading it ({@code values} null then). */
    record Read(Map<String, List<String>> values, String error) {}

    private MultipartForm() {}

    /** The boundary fasthttp finds in {@code contentType}; null when it finds none. */
    static String boundary(String contentType) {
        if (contentType == null || !contentType.startsWith(TYPE)) {
            return null;
        }
        String rest = contentType.substring(TYPE.length());
        if (rest.isEmpty() || rest.charAt(0) != ';') {
            return null;
        }
        for (String parameter : rest.substring(1).split(";", -1)) {
            String trimmed = parameter.stripLeading();
            if (trimmed.startsWith("boundary")) {
                String value = trimmed.substring("boundary".length());
                if (!value.startsWith("=")) {
                    return null;
                }
                value = value.substring(1);
                if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    static Read read(String boundary, byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        int i = 0;
        while (i < lines.size() && !isDelimiter(lines.get(i), delimiter) && !isFinal(lines.get(i), delimiter)) {
            i++;
        }
        if (i == lines.size()) {
            return new Read(null, "multipart: NextPart: EOF");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        while (i < lines.size() && isDelimiter(lines.get(i), delimiter)) {
            i++;
            String name = null;
            boolean file = false;
            for (; i < lines.size(); i++) {
                String line = stripCr(lines.get(i));
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    return new Read(null, "malformed MIME header: missing colon: " + goQuote(line));
                }
                if (line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                    Matcher matcher = NAME.matcher(line.substring(colon + 1));
                    name = matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : null;
                    file = line.toLowerCase(java.util.Locale.ROOT).contains("filename=");
                }
            }
            if (i >= lines.size()) {
                // the body ended within the part's header: Go reads it as a part without content
                return new Read(values, null);
            }
            i++;
            StringBuilder content = new StringBuilder();
            int end = i;
            while (end < lines.size() && !isDelimiter(lines.get(end), delimiter) && !isFinal(lines.get(end), delimiter)) {
                end++;
            }
            if (end == lines.size()) {
                return new Read(null, "unexpected EOF");
            }
            for (int k = i; k < end; k++) {
                content.append(k > i ? "\n" : "").append(lines.get(k));
            }
            String value = content.toString();
            if (value.endsWith("\r")) {
                value = value.substring(0, value.length() - 1);
            }
            if (name != null && !name.isEmpty() && !file) {
                values.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(GoText.asUtf8(value));
            }
            i = end;
        }
        return new Read(values, null);
    }

    private static boolean isDelimiter(String line, String delimiter) {
        String rest = stripCr(line);
        return rest.startsWith(delimiter) && rest.substring(delimiter.length()).isBlank();
    }

    private static boolean isFinal(String line, String delimiter) {
        String rest = stripCr(line);
        return rest.startsWith(delimiter + "--") && rest.substring(delimiter.length() + 2).isBlank();
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Go's {@code %q} for the printable ASCII a header line normally holds. */
    private static String goQuote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
