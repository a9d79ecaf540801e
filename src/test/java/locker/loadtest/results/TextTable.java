package locker.loadtest.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table as console text, each column as wide as its widest cell; {@code rows} are the heading, then the rows. */
public final class TextTable {
    private TextTable() {}

    /** The first column left-aligned, the others right-aligned, two spaces apart; no trailing spaces. */
    public static String align(List<List<String>> rows) {
        int[] widths = widths(rows);
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? left(row.get(c), widths[c]) : "  " + right(row.get(c), widths[c]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Every column left-aligned and filled to its width, " | " between, a line of dashes under the heading. */
    public static String ruled(List<List<String>> rows) {
        int[] widths = widths(rows);
        List<List<String>> ruledRows = new ArrayList<>(rows);
        ruledRows.add(1, Arrays.stream(widths).mapToObj("-"::repeat).toList());
        StringBuilder out = new StringBuilder();
        for (List<String> row : ruledRows) {
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : " | ").append(left(row.get(c), widths[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static int[] widths(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    private static String left(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }

    private static String right(String cell, int width) {
        return " ".repeat(width - cell.length()) + cell;
    }
}
