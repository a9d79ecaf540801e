package locker.bench.differential;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import locker.bench.differential.CaseResult.Difference;
import locker.bench.differential.Races.Frequency;
import locker.loadtest.results.TextTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The comparison's outcome: the console table and the JSON file with every case, answer, row and count. */
final class DifferentialReport {
    static final int CASES_SHOWN_PER_KIND = 3;
    static final int DIFFERENCES_SHOWN_PER_CASE = 4;
    static final int SHOWN_CHARS = 300;

    record KindRow(String kind, int compared, int matched, int differing, int clientVisibleDiffering, int skipped) {}

    record RaceRow(String key, String description, Frequency a, Frequency b) {}

    record Document(String started, long seconds, Map<String, Map<String, String>> targets, int rounds,
                    List<KindRow> summary, int clientVisibleDiffering, int exitStatus, List<CaseResult> cases,
                    List<RaceRow> races) {}

    private DifferentialReport() {}

    static List<KindRow> summary(List<CaseResult> cases) {
        List<KindRow> rows = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            List<CaseResult> ofKind = cases.stream().filter(c -> c.kind().equals(kind.label())).toList();
            if (!ofKind.isEmpty()) {
                rows.add(row(kind.label(), ofKind));
            }
        }
        rows.add(row("all", cases));
        return rows;
    }

    private static KindRow row(String kind, List<CaseResult> cases) {
        int skipped = (int) cases.stream().filter(c -> c.skipped() != null).count();
        int matched = (int) cases.stream().filter(CaseResult::matched).count();
        int differing = (int) cases.stream().filter(CaseResult::differs).count();
        int clientVisible = (int) cases.stream().filter(c -> c.differs() && c.client()).count();
        return new KindRow(kind, cases.size() - skipped, matched, differing, clientVisible, skipped);
    }

    static String console(Document document, String nameA, String nameB) {
        StringBuilder out = new StringBuilder();
        Map<String, String> a = document.targets().get("a");
        Map<String, String> b = document.targets().get("b");
        out.append("A = ").append(nameA).append(" (").append(a.get("baseUrl")).append("), B = ").append(nameB)
                .append(" (").append(b.get("baseUrl")).append(")\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("kind", "compared", "matched", "differing", "client-visible differing", "skipped"));
        for (KindRow row : document.summary()) {
            rows.add(List.of(row.kind(), Integer.toString(row.compared()), Integer.toString(row.matched()),
                    Integer.toString(row.differing()), Integer.toString(row.clientVisibleDiffering()),
                    Integer.toString(row.skipped())));
        }
        out.append(TextTable.align(rows));
        document.cases().stream().filter(c -> c.skipped() != null).findFirst().ifPresent(c ->
                out.append("skipped: ").append(c.skipped()).append('\n'));

        boolean anyDifference = document.cases().stream().anyMatch(CaseResult::differs);
        if (anyDifference) {
            out.append("\nFirst differences of each kind (up to ").append(CASES_SHOWN_PER_KIND)
                    .append(" cases; every one is in the JSON file)\n");
        }
        for (CaseKind kind : CaseKind.values()) {
            List<CaseResult> differing = document.cases().stream()
                    .filter(c -> c.kind().equals(kind.label()) && c.differs()).toList();
            if (differing.isEmpty()) {
                continue;
            }
            out.append('\n').append(kind.label()).append(" (").append(differing.size()).append(" differing)\n");
            for (CaseResult c : differing.subList(0, Math.min(CASES_SHOWN_PER_KIND, differing.size()))) {
                out.append("  * ").append(c.name()).append(c.client() ? "  [client-visible]" : "  [hand-made]").append('\n');
                List<Difference> shown = c.differences().subList(0, Math.min(DIFFERENCES_SHOWN_PER_CASE, c.differences().size()));
                for (Difference d : shown) {
                    out.append("      ").append(d.where()).append('\n');
                    out.append("        A: ").append(indented(d.a())).append('\n');
                    out.append("        B: ").append(indented(d.b())).append('\n');
                }
                if (c.differences().size() > shown.size()) {
                    out.append("      (").append(c.differences().size() - shown.size()).append(" more)\n");
                }
            }
        }

        if (!document.races().isEmpty()) {
            out.append("\nRace frequencies (").append(document.rounds()).append(" rounds each, every round after a reset)\n");
            List<List<String>> raceRows = new ArrayList<>();
            raceRows.add(List.of("race", "A: " + nameA, "B: " + nameB));
            for (RaceRow race : document.races()) {
                raceRows.add(List.of(race.a().label(), race.a().text(), race.b().text()));
            }
            out.append(TextTable.align(raceRows));
        }
        return out.toString();
    }

    private static String indented(String text) {
        return Texts.cut(text, SHOWN_CHARS).replace("\n", "\n           ");
    }

    static void write(Document document, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

}
