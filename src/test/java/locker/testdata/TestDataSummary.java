package locker.testdata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import locker.config.SeedPlan;

/**
 * The {@code test_data} section of the results file: the run's test students and lockers, and what became of them.
 *
 * @param studentIds      the run's range of student ids, {@code first-last}
 * @param testLockers     how many test lockers were seeded
 * @param restore         the restorer's one-line report, or that the data was kept; null when nothing was restored
 * @param restoredExactly whether the database is exactly as before the run; null when it was not restored
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TestDataSummary(String studentIds, int testLockers, @JsonInclude(JsonInclude.Include.NON_NULL) String restore,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Boolean restoredExactly) {
    /** Before the restore: the plan's students and lockers. */
    public static TestDataSummary of(SeedPlan plan) {
        return new TestDataSummary(plan.studentIdStart() + "-" + plan.studentIdEnd(), plan.testLockersCount(), null, null);
    }

    public TestDataSummary restored(RestoreReport report) {
        return new TestDataSummary(studentIds, testLockers, report.summary(), report.exact());
    }

    public TestDataSummary failedToRestore(RestoreReport report) {
        return new TestDataSummary(studentIds, testLockers, report.summary(), false);
    }

    public TestDataSummary kept(String why) {
        return new TestDataSummary(studentIds, testLockers, why, null);
    }
}
