package locker.bench.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One request of a case and its answer on one target, normalised: what is compared with the other target's.
 * {@code headers} holds only the headers that matter to a client (see {@link #COMPARED_HEADERS}) and whether a
 * Content-Length was sent; {@code body} the body as the case views it (the whole text, or an outline of it);
 * {@code tokens} the shapes of the access tokens this answer showed first.
 */
record Exchange(String step, String request, String outcome, String status, Map<String, String> headers, String body,
                List<String> tokens, String interim, String afterAnswer) {

    static final List<String> COMPARED_HEADERS = List.of("content-type", "allow", "vary", "connection", "location");
    private static final int MAX_BODY_CHARS = 100_000;

    static Exchange of(String step, WireRequest request, WireAnswer answer, Normaliser normaliser,
                       UnaryOperator<String> bodyView) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (answer.answered() || answer.status() > 0) {
            for (String name : COMPARED_HEADERS) {
                String value = answer.header(name);
                if (value != null) {
                    headers.put(name, normaliser.text(Texts.oneLine(value)));
                }
            }
            answer.headerNames().stream().filter(name -> name.startsWith("access-control-")).sorted()
                    .forEach(name -> headers.put(name, normaliser.text(Texts.oneLine(answer.header(name)))));
            headers.put("content-length", answer.header("content-length") == null ? "absent" : "present");
        }
        String body = Texts.cut(normaliser.text(bodyView.apply(answer.bodyText())), MAX_BODY_CHARS);
        String outcome = answer.outcome().text() + (answer.detail().isEmpty() ? "" : ": " + answer.detail());
        String status = answer.status() == 0 ? "" : answer.status() + (answer.reason().isEmpty() ? "" : " " + answer.reason());
        return new Exchange(step, request.line(), outcome, status, headers, body, normaliser.takeNewShapes(),
                answer.interim(), answer.afterAnswer());
    }

    /** A line for a step that sent nothing: why the case stopped there. */
    static Exchange note(String step, String note) {
        return new Exchange(step, "", note, "", Map.of(), "", List.of(), "", "");
    }
}
