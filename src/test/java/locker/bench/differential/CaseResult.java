package locker.bench.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One case compared: what each target answered and left behind, and where they differ. {@code skipped} says why a
 * case was not run (null when it was).
 */
record CaseResult(String name, String kind, boolean client, String skipped, List<Difference> differences,
                  Side a, Side b) {

    /** What one target answered to the case's steps, and its rows and keys afterwards. */
    record Side(List<Exchange> exchanges, Map<String, List<String>> state) {}

    /** One part that differs: where, and each target's version of it. */
    record Difference(String where, String a, String b) {}

    boolean matched() {
        return skipped == null && differences.isEmpty();
    }

    boolean differs() {
        return skipped == null && !differences.isEmpty();
    }

    static CaseResult skipped(DiffCase diffCase, String why) {
        return new CaseResult(diffCase.name(), diffCase.kind().label(), diffCase.client(), why, List.of(), null, null);
    }

    static CaseResult compared(DiffCase diffCase, Side a, Side b) {
        return new CaseResult(diffCase.name(), diffCase.kind().label(), diffCase.client(), null, differences(a, b), a, b);
    }

    static List<Difference> differences(Side a, Side b) {
        List<Difference> differences = new ArrayList<>();
        int steps = Math.max(a.exchanges().size(), b.exchanges().size());
        for (int i = 0; i < steps; i++) {
            Exchange x = i < a.exchanges().size() ? a.exchanges().get(i) : null;
            Exchange y = i < b.exchanges().size() ? b.exchanges().get(i) : null;
            if (x == null || y == null) {
                Exchange present = x == null ? y : x;
                differences.add(new Difference("step " + (i + 1) + " '" + present.step() + "'",
                        x == null ? "(no such step)" : summary(x), y == null ? "(no such step)" : summary(y)));
                continue;
            }
            String where = "step " + (i + 1) + " '" + x.step() + "' ";
            compare(differences, where + "step", x.step(), y.step());
            compare(differences, where + "outcome", x.outcome(), y.outcome());
            compare(differences, where + "status", x.status(), y.status());
            Set<String> names = new LinkedHashSet<>(x.headers().keySet());
            names.addAll(y.headers().keySet());
            for (String name : names) {
                compare(differences, where + "header " + name, x.headers().get(name), y.headers().get(name));
            }
            compare(differences, where + "body", x.body(), y.body());
            compare(differences, where + "token", String.join("\n", x.tokens()), String.join("\n", y.tokens()));
            compare(differences, where + "interim answer", x.interim(), y.interim());
            compare(differences, where + "connection after the answer", x.afterAnswer(), y.afterAnswer());
        }
        Set<String> sections = new LinkedHashSet<>(a.state().keySet());
        sections.addAll(b.state().keySet());
        for (String section : sections) {
            List<String> rowsA = a.state().getOrDefault(section, List.of());
            List<String> rowsB = b.state().getOrDefault(section, List.of());
            if (!rowsA.equals(rowsB)) {
                differences.add(new Difference("afterwards, " + section + " (rows only on one side)",
                        onlyIn(rowsA, rowsB), onlyIn(rowsB, rowsA)));
            }
        }
        return differences;
    }

    private static void compare(List<Difference> differences, String where, String a, String b) {
        if (!Objects.equals(a, b)) {
            differences.add(new Difference(where, a == null ? "(absent)" : a, b == null ? "(absent)" : b));
        }
    }

    private static String onlyIn(List<String> rows, List<String> other) {
        List<String> remaining = new ArrayList<>(other);
        List<String> only = new ArrayList<>();
        for (String row : rows) {
            if (!remaining.remove(row)) {
                only.add(row);
            }
        }
        return only.isEmpty() ? "(none)" : String.join("\n", only);
    }

    private static String summary(Exchange exchange) {
        return exchange.outcome() + (exchange.status().isEmpty() ? "" : " " + exchange.status());
    }
}
