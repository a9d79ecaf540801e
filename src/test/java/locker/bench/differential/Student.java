package locker.bench.differential;

import locker.contract.SerialId;

/**
 * A test identity: a 10-digit student id starting with {@value TargetState#TEST_STUDENT_IDS}, as every row the
 * comparison leaves.
 */
record Student(String studentId, String name, String phone) {
    long serialId() {
        return SerialId.of(studentId, name, phone);
    }

    String loginJson() {
        return "{\"student_id\":\"" + studentId + "\",\"name\":\"" + name + "\",\"phone_number\":\"" + phone + "\"}";
    }

    /** Student {@code n} (1 to 9,999) of the cases; the races use their own range ({@link #racer}). */
    static Student number(int n) {
        return new Student(TargetState.TEST_STUDENT_IDS + String.format("000%05d", n), NAMES[n % NAMES.length],
                String.format("010%08d", n));
    }

    static Student racer(int n) {
        return new Student(TargetState.TEST_STUDENT_IDS + String.format("100%05d", n), NAMES[n % NAMES.length],
                String.format("011%08d", n));
    }

    private static final String[] NAMES = {"김민준", "이서연", "박도윤", "최지우", "정하준", "강서윤", "조시우", "윤하은"};
}
