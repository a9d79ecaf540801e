package locker.bench.differential;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What came back for one request: an answer (status line, headers in order, body), or what happened instead.
 * {@code interim} is a {@code 1xx} answer before the final one; {@code afterAnswer} what the connection did next when
 * the request asked to watch it ({@code closed}, {@code kept open}, or the first line of more bytes).
 */
record WireAnswer(Outcome outcome, String detail, int status, String reason, List<Header> headers, byte[] body,
                  String interim, String afterAnswer) {

    enum Outcome {
        ANSWERED("answered"),
        CLOSED_WITHOUT_ANSWER("connection closed without an answer"),
        NO_ANSWER("no answer"),
        RESET("connection reset"),
        INCOMPLETE("incomplete answer");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    record Header(String name, String value) {}

    static WireAnswer failed(Outcome outcome, String detail) {
        return new WireAnswer(outcome, detail, 0, "", List.of(), new byte[0], "", "");
    }

    boolean answered() {
        return outcome == Outcome.ANSWERED;
    }

    String header(String name) {
        return header(headers, name);
    }

    /** Every value of the header {@code name}, joined by {@code ", "} in the order sent; null when absent. */
    static String header(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    /** The lower-cased names of the headers sent, without repeats. */
    List<String> headerNames() {
        return headers.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).distinct().collect(Collectors.toList());
    }

    String bodyText() {
        return Texts.readable(body);
    }
}
