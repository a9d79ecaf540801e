package locker.twin.server;

import locker.testsupport.StackExtension;
import locker.testsupport.Waiting;
import locker.testsupport.twin.ApiClient;
import locker.testsupport.twin.ApiResponse;
import locker.testsupport.twin.Session;
import locker.testsupport.twin.StackInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's code runs on as many turns as the machine has cores, and a request waiting for PostgreSQL gives its
 * turn back ({@link CoreTurns}): more such requests than there are turns hold up no other request.
 */
class CoreTurnsIT {
    private static final List<Integer> LOCKERS = List.of(101, 102, 103, 104, 105, 106, 201, 202, 301, 302);

    @RegisterExtension
    static final StackExtension STACK = new StackExtension();

    private final ApiClient api = STACK.api();
    private final StackInspector inspector = STACK.inspector();

    @Test
    void requestsWaitingForTheDatabaseMoreOfThemThanTurnsHoldUpNoOtherRequest() throws Exception {
        int waiting = Math.min(LOCKERS.size(), Runtime.getRuntime().availableProcessors() + 1);
        List<Session> students = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            Session student = api.newSession();
            assertThat(api.hold(student, LOCKERS.get(i)).status()).isEqualTo(201);
            students.add(student);
        }
        ExecutorService threads = Executors.newFixedThreadPool(waiting);
        try (Connection blocker = STACK.stack().openConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.executeQuery("SELECT 1 FROM locker_assignments WHERE state = 'hold' FOR UPDATE").close();
            }
            List<Future<ApiResponse>> confirms = new ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                Session student = students.get(i);
                int locker = LOCKERS.get(i);
                confirms.add(threads.submit(() -> api.confirm(student, locker)));
            }
            // every confirm reaches its UPDATE and waits on the locked row: none of them keeps a turn while it waits
            Waiting.until(Duration.ofSeconds(60), this::confirmsWaitingOnALock, blocked -> blocked == waiting);

            assertThat(api.lockers(students.get(0).accessToken()).status()).isEqualTo(200);
            assertThat(confirms).noneMatch(Future::isDone);

            blocker.commit();
            for (Future<ApiResponse> confirm : confirms) {
                assertThat(confirm.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private long confirmsWaitingOnALock() {
        return (Long) inspector.value("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE locker_assignments%confirmed%'""");
    }
}
