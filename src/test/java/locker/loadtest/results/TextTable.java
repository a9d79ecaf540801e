package locker.loadtest.results;

import java.util.List;

/** A table as console text: the first column left-aligned, the others right-aligned, two spaces apart. */
public final class TextTable {
    private TextTable() {}

    /** {@code rows} (the first is the heading) as lines, each ending in a newline, without trailing spaces. */
    public static String align(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(c == 0 ? cell + " ".repeat(widths[c] - cell.length())
                        : "  " + " ".repeat(widths[c] - cell.length()) + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
