package locker.testdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads, without changing anything, whether the database's {@code public} schema is the contract's. */
final class ContractSchema {
    private static final String COLUMNS = """
            SELECT table_name, column_name,
                   CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS type
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = ANY (?)""";
    private static final String PARTIAL_UNIQUE_INDEXES = """
            SELECT pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i
            WHERE i.indrelid = to_regclass('public.locker_assignments') AND i.indisunique AND i.indpred IS NOT NULL""";
    /** {@code CREATE UNIQUE INDEX x ON public.locker_assignments USING btree (col) WHERE (state = ANY (...))}. */
    private static final Pattern PARTIAL_INDEX = Pattern.compile(
            "USING btree \\((\\w+)\\) WHERE \\(state = ANY \\(ARRAY\\[(.*)]\\)\\)");
    private static final Set<String> ACTIVE_STATES = Set.of("'hold'::assignment_state", "'confirmed'::assignment_state");

    private ContractSchema() {}

    /** What differs from the contract; empty when the schema is the contract's. */
    static List<String> differences(Connection c) throws SQLException {
        List<String> differences = new ArrayList<>(columnDifferences(c));
        for (String column : List.of("locker_id", "user_serial_id")) {
            if (!partialUniqueIndexedColumns(c).contains(column)) {
                differences.add("locker_assignments has no UNIQUE (" + column
                        + ") WHERE state IN ('hold', 'confirmed') index");
            }
        }
        return differences;
    }

    private static List<String> columnDifferences(Connection c) throws SQLException {
        Map<String, Map<String, String>> actual = new HashMap<>();
        try (PreparedStatement statement = c.prepareStatement(COLUMNS)) {
            statement.setArray(1, c.createArrayOf("text",
                    ContractTable.ALL.stream().map(ContractTable::name).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    actual.computeIfAbsent(rows.getString("table_name"), t -> new LinkedHashMap<>())
                            .put(rows.getString("column_name"), rows.getString("type"));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        for (ContractTable table : ContractTable.ALL) {
            Map<String, String> columns = actual.get(table.name());
            if (columns == null) {
                differences.add("table public." + table.name() + " is missing");
            } else if (!columns.equals(table.columns())) {
                differences.add("public." + table.name() + " has columns " + columns + ", the contract says " + table.columns());
            }
        }
        return differences;
    }

    private static Set<String> partialUniqueIndexedColumns(Connection c) throws SQLException {
        Set<String> columns = new java.util.HashSet<>();
        try (PreparedStatement statement = c.prepareStatement(PARTIAL_UNIQUE_INDEXES);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Matcher m = PARTIAL_INDEX.matcher(rows.getString("definition"));
                if (m.find() && Set.of(m.group(2).split(",\\s*")).equals(ACTIVE_STATES)) {
                    columns.add(m.group(1));
                }
            }
        }
        return columns;
    }
}
