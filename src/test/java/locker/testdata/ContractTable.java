package locker.testdata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table of the contract's schema: its key and its columns with the type {@code information_schema}
 * reports (the enum's name for {@code state}). Each has a copy {@code loadtest.snapshot_<name>}.
 */
record ContractTable(String name, String key, Map<String, String> columns) {
    private static final String TIMESTAMP = "timestamp without time zone";
    private static final String VARCHAR = "character varying";

    static final List<ContractTable> ALL = List.of(
            new ContractTable("users", "serial_id", columns(
                    "serial_id", "bigint", "student_id", VARCHAR, "name", VARCHAR, "phone_number", VARCHAR,
                    "created_at", TIMESTAMP, "updated_at", TIMESTAMP)),
            new ContractTable("locker_locations", "location_id", columns(
                    "location_id", "integer", "name", "text")),
            new ContractTable("locker_info", "locker_id", columns(
                    "locker_id", "integer", "location_id", "integer", "owner_student_id", VARCHAR,
                    "owner_serial_id", "bigint")),
            new ContractTable("locker_assignments", "assignment_id", columns(
                    "assignment_id", "bigint", "locker_id", "integer", "user_serial_id", "bigint",
                    "state", "assignment_state", "hold_expires_at", TIMESTAMP, "confirmed_at", TIMESTAMP,
                    "released_at", TIMESTAMP, "created_at", TIMESTAMP)),
            new ContractTable("auth_refresh_tokens", "id", columns(
                    "id", "bigint", "user_serial_id", "bigint", "token_hash", "text", "issued_at", TIMESTAMP,
                    "expires_at", TIMESTAMP, "revoked_at", TIMESTAMP, "user_agent", "text", "ip", VARCHAR)));

    String snapshotTable() {
        return "loadtest.snapshot_" + name;
    }

    /** The columns as comparable values: the enum as text, so that it equals the snapshot's copy. */
    String comparableColumns(String alias) {
        return columns.entrySet().stream()
                .map(c -> alias + "." + c.getKey() + (c.getValue().equals("assignment_state") ? "::text" : ""))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> columns(String... namesAndTypes) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return columns;
    }
}
