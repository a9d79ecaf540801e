package locker.bench.differential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Swagger 2.0 document says of the API, one line per operation: method, path, tags, parameters (name and
 * place) and the statuses it answers, after a line with the version, base path and security schemes. The deployed
 * server's {@code /swagger/doc.json} is generated from its source's annotations, whose wording this project does not
 * copy; the twin serves a document of its own, and the comparison holds the two to the same API, not the same words.
 * A body that is not a JSON object is returned as it is.
 */
final class ApiDocumentOutline {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocumentOutline() {}

    static String of(String body) {
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return body;
        }
        if (document == null || !document.isObject()) {
            return body;
        }
        List<String> lines = new ArrayList<>();
        lines.add("swagger " + document.path("swagger").asText() + ", basePath " + document.path("basePath").asText()
                + ", security schemes " + names(document.path("securityDefinitions")));
        Map<String, String> operations = new TreeMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode details = operation.getValue();
            List<String> parameters = new ArrayList<>();
            details.path("parameters").forEach(p -> parameters.add(p.path("name").asText() + " in " + p.path("in").asText()));
            operations.put(path.getKey() + " " + operation.getKey(), operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()
                    + " tags " + details.path("tags") + " parameters " + parameters
                    + " answers " + names(details.path("responses")));
        }));
        lines.addAll(operations.values());
        return String.join("\n", lines);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
