package locker.loadtest.anomalies;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The run's requests in the order they were sent, by locker and by student. */
final class Story {
    private final List<RecordedRequest> requests;
    private final Map<Integer, List<RecordedRequest>> byLocker = new HashMap<>();
    private final Map<String, List<RecordedRequest>> byStudent = new HashMap<>();

    Story(List<RecordedRequest> recorded) {
        requests = new ArrayList<>(recorded);
        requests.sort(Comparator.comparingLong(RecordedRequest::startMillis));
        for (RecordedRequest request : requests) {
            if (request.lockerId() != 0) {
                byLocker.computeIfAbsent(request.lockerId(), locker -> new ArrayList<>()).add(request);
            }
            if (request.student() != null) {
                byStudent.computeIfAbsent(request.student(), student -> new ArrayList<>()).add(request);
            }
        }
    }

    List<RecordedRequest> all() {
        return requests;
    }

    List<RecordedRequest> onLocker(int locker) {
        return byLocker.getOrDefault(locker, List.of());
    }

    List<RecordedRequest> ofStudent(String student) {
        return student == null ? List.of() : byStudent.getOrDefault(student, List.of());
    }

    /** The student's last hold of {@code locker} sent before {@code request} started (or {@code request} itself). */
    Optional<RecordedRequest> lastHoldBefore(RecordedRequest request) {
        RecordedRequest last = null;
        for (RecordedRequest earlier : ofStudent(request.student())) {
            if (earlier.startMillis() > request.startMillis()) {
                break;
            }
            if (earlier.call() == Call.HOLD && earlier.lockerId() == request.lockerId()) {
                last = earlier;
            }
        }
        return Optional.ofNullable(last);
    }
}
