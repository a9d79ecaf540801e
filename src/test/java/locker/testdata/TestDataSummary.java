package locker.testdata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.config.SeedPlan;

import java.util.List;

/**
 * The {@code test_data} section of the results file: the run's test students and lockers, and what became of them.
 *
 * @param studentIds      the run's range of student ids, {@code first-last}
 * @param testLockers     how many test lockers were seeded
 * @param restore         the restorer's one-line report, or that the data was kept; null when nothing was restored
 * @param restoredExactly whether the database is exactly as before the run; null when it was not restored
 * @param leftOnServer    a run without the database: what stays on the server after it gave back what it could; null
 *                        for a run with the database
 * @param lockersLeft     a run without the database: lockers still held or owned by test students; null otherwise
 * @param redisKeysLeft   Redis keys of the run that may remain because Redis could not be cleaned (the console shows a
 *                        summary); empty otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TestDataSummary(String studentIds, int testLockers, @JsonInclude(JsonInclude.Include.NON_NULL) String restore,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Boolean restoredExactly,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> leftOnServer,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer lockersLeft,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> redisKeysLeft) {
    /** A run with the database: nothing to list as left on the server. */
    public TestDataSummary(String studentIds, int testLockers, String restore, Boolean restoredExactly) {
        this(studentIds, testLockers, restore, restoredExactly, null, null, List.of());
    }

    /** Before the restore: the plan's students and lockers. */
    public static TestDataSummary of(SeedPlan plan) {
        return new TestDataSummary(plan.studentIds(), plan.testLockersCount(), null, null);
    }

    public TestDataSummary restored(RestoreReport report) {
        return new TestDataSummary(studentIds, testLockers, report.summary(), report.exact(), null, null,
                report.redisKeysLeft());
    }

    public TestDataSummary failedToRestore(RestoreReport report) {
        return new TestDataSummary(studentIds, testLockers, report.summary(), false, null, null, report.redisKeysLeft());
    }

    /** The restore could not reach or change the database: the test data is still there. */
    public TestDataSummary failedToRestore(String why) {
        return new TestDataSummary(studentIds, testLockers, why, false);
    }

    /** A run with the database whose restore failed or found rows that are not test data changed. */
    @JsonIgnore
    public boolean notRestoredExactly() {
        return Boolean.FALSE.equals(restoredExactly) && leftOnServer == null;
    }

    public TestDataSummary kept(String why) {
        return new TestDataSummary(studentIds, testLockers, why, null);
    }

    /**
     * A run without the database (no test lockers were seeded): what it gave back through the API, and what stays on
     * the server.
     */
    public TestDataSummary withoutDatabase(String givenBack, List<String> leftOnServer, int lockersLeft) {
        return new TestDataSummary(studentIds, 0, givenBack, false, List.copyOf(leftOnServer), lockersLeft, List.of());
    }
}
