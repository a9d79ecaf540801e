package locker.loadtest.simulation;

import locker.testdata.TestUser;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static locker.loadtest.scenario.SessionKeys.*;

/**
 * Hands out the run's test students in order, one per virtual user, starting over after the last.
 * One instance serves every scenario of a run (the batch profile has one scenario per batch), so no
 * two batches get the same students.
 */
public final class StudentFeeder implements Iterator<Map<String, Object>> {
    private final List<TestUser> students;
    private final AtomicLong next = new AtomicLong();

    public StudentFeeder(List<TestUser> students) {
        if (students.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one student");
        }
        this.students = List.copyOf(students);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        TestUser student = students.get((int) (next.getAndIncrement() % students.size()));
        return Map.of(STUDENT_ID, student.studentId(), NAME, student.name(), PHONE_NUMBER, student.phoneNumber());
    }
}
