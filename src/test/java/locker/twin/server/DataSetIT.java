package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh stack holds the deployed data set (deployed-service.md §10) in the deployed schema (§9.2), and lists it
 * as deployed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataSetIT {
    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final StackInspector inspector = STACK.inspector();

    @Test
    @Order(1)
    void theDataSetIsTheDeployedSevenLocationsAndTwentyTwoLockersWithoutOwnersOrUsers() {
        assertThat(inspector.value("SELECT count(*) FROM users")).isEqualTo(0L);
        assertThat(inspector.value("SELECT count(*) FROM locker_assignments")).isEqualTo(0L);
        assertThat(inspector.value("SELECT count(*) FROM auth_refresh_tokens")).isEqualTo(0L);
        assertThat(inspector.rows("SELECT location_id, name FROM locker_locations ORDER BY location_id")).containsExactly(
                location(1, "정보관 B1 엘리베이터 옆1"), location(2, "정보관 B1 엘리베이터 옆2"),
                location(3, "정보관 B1 기계실 옆"), location(4, "정보관 2층"), location(5, "정보관 3층"),
                location(6, "과학도서관 6층 620호 옆"), location(7, "과학도서관 6층 614호 옆"));
        Map<Integer, Integer> lockers = new LinkedHashMap<>();
        inspector.rows("SELECT locker_id, location_id FROM locker_info ORDER BY locker_id")
                .forEach(row -> lockers.put((Integer) row.get("locker_id"), (Integer) row.get("location_id")));
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        List.of(101, 102, 103).forEach(id -> expected.put(id, 1));
        List.of(104, 105, 106).forEach(id -> expected.put(id, 2));
        List.of(201, 202).forEach(id -> expected.put(id, 3));
        List.of(301, 302, 303, 304).forEach(id -> expected.put(id, 4));
        List.of(401, 402, 403, 404).forEach(id -> expected.put(id, 5));
        List.of(501, 502, 503).forEach(id -> expected.put(id, 6));
        List.of(601, 602, 603).forEach(id -> expected.put(id, 7));
        assertThat(lockers).containsExactlyEntriesOf(expected);
        assertThat(inspector.value("SELECT count(*) FROM locker_info WHERE owner_student_id IS NOT NULL"
                + " OR owner_serial_id IS NOT NULL")).isEqualTo(0L);
    }

    @Test
    void theTablesHaveTheDeployedColumnsInTheDeployedOrder() {
        assertThat(columns("users")).containsExactly("student_id", "name", "phone_number", "created_at", "updated_at",
                "serial_id");
        assertThat(columns("locker_locations")).containsExactly("location_id", "name");
        assertThat(columns("locker_info")).containsExactly("locker_id", "owner_student_id", "location_id",
                "owner_serial_id");
        assertThat(columns("locker_assignments")).containsExactly("assignment_id", "locker_id", "state",
                "hold_expires_at", "confirmed_at", "released_at", "created_at", "user_serial_id");
        assertThat(columns("auth_refresh_tokens")).containsExactly("id", "token_hash", "issued_at", "expires_at",
                "revoked_at", "user_agent", "ip", "user_serial_id");
        assertThat(inspector.value("SELECT count(*) FROM pg_constraint WHERE conname = 'ux_users_ident'")).isEqualTo(1L);
        assertThat(inspector.value("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND data_type = 'timestamp with time zone'")).isEqualTo(0L);
    }

    @Test
    @Order(2)
    void theFreshListIsTheTwentyTwoLockersAllAvailable() {
        ApiClient api = STACK.api();
        ApiResponse list = api.lockers(api.newSession().accessToken());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).startsWith("{\"lockers\":[{\"locker_id\":101,\"location_id\":\"정보관 B1 엘리베이터 옆1\"},"
                + "{\"locker_id\":102,");
        assertThat(list.body()).contains("{\"locker_id\":104,\"location_id\":\"정보관 B1 엘리베이터 옆2\"}");
        assertThat(list.body()).endsWith("{\"locker_id\":603,\"location_id\":\"과학도서관 6층 614호 옆\"}],"
                + "\"available_count\":22}");
    }

    private List<String> columns(String table) {
        return inspector.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = ? ORDER BY ordinal_position", table).stream()
                .map(row -> (String) row.get("column_name")).toList();
    }

    private static Map<String, Object> location(int id, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("location_id", id);
        row.put("name", name);
        return row;
    }
}
