package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.bench.Goal.Limit;
import locker.loadtest.results.Outcome;
import locker.loadtest.results.compare.Median;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static locker.bench.BenchmarkReport.number;
import static locker.bench.BenchmarkRuns.command;
import static locker.bench.BenchmarkRuns.describe;
import static locker.bench.BenchmarkRuns.ordered;
import static locker.bench.Measured.completed;
import static locker.bench.Measured.details;
import static locker.bench.Measured.each;
import static locker.bench.Measured.noResults;

/** The steps that time the load test's own runs against goals: the original's headline run, the rush, the large rush. */
final class LoadRuns {
    /** The original's headline run: 1,000 users, 300 at once, think 0.1–0.5 s, all confirmed, 22 + 150 lockers. */
    static final Map<String, String> HEADLINE = ordered("PROFILE", "batch", "TOTAL_USERS", "1000",
            "CONCURRENT_USERS", "300", "USER_THINK_TIME_MIN", "0.1", "USER_THINK_TIME_MAX", "0.5",
            "CONFIRMATION_RATE", "1.0", "TEST_LOCKERS_COUNT", "150", "BATCH_DELAY", "0");
    static final Goal<Medians> HEADLINE_GOAL = Goal.of(
            Limit.atLeast("", 1_768, v -> number(v, 0) + " req/s", Medians::wallRate),
            Limit.atMost("mean", 0.061, v -> number(v, 3) + " s", Medians::mean),
            Limit.none("failed", Medians::failed));
    static final Goal<Medians> RUSH_GOAL = Goal.of(
            Limit.below("p95", 0.250, v -> number(v * 1000, 0) + " ms", Medians::p95));
    static final double TOTAL_TIMEOUT_SECONDS = 600;
    static final Goal<LargeRush> LARGE_RUSH_GOAL = Goal.of(
            Limit.that("ends by itself", LargeRush::endedByItself),
            Limit.none("failed", r -> r.figures().failed()),
            Limit.below("p95", 2.0, v -> number(v, 0) + " s", r -> r.figures().p95()),
            Limit.below("heap", 1024, v -> number(v / 1024, 0) + " GiB", LargeRush::heapPeakMiB));

    /** What the goals of repeated runs compare: medians over the runs, and their failures added up. */
    record Medians(double wallRate, double mean, double p95, long failed) {
        static Medians of(List<Measured> runs) {
            return new Medians(median(runs, RunFigures::wallRate), median(runs, RunFigures::mean),
                    median(runs, RunFigures::p95), runs.stream().mapToLong(m -> m.figures().failed()).sum());
        }

        private static double median(List<Measured> runs, ToDoubleFunction<RunFigures> figure) {
            return Median.of(runs.stream().mapToDouble(m -> figure.applyAsDouble(m.figures())).toArray());
        }
    }

    /**
     * A large rush: it ends by itself when every student reached an end of the journey and the run stopped before
     * TOTAL_TIMEOUT ({@value #TOTAL_TIMEOUT_SECONDS} s) would have ended it.
     */
    record LargeRush(RunFigures figures, int students, long finished) {
        static LargeRush of(RunFigures f, int students) {
            return new LargeRush(f, students, Stream.of(Outcome.LOST_RACE, Outcome.NO_LOCKER_AVAILABLE,
                    Outcome.CONFIRMED, Outcome.CONFIRM_REFUSED, Outcome.GIVEN_UP, Outcome.GIVE_UP_REFUSED)
                    .mapToLong(f::outcome).sum());
        }

        boolean endedByItself() {
            return finished == students && figures.durationSeconds() < TOTAL_TIMEOUT_SECONDS;
        }

        double heapPeakMiB() {
            return figures.heapPeakMiB() == null ? Double.NaN : figures.heapPeakMiB();
        }
    }

    private final BenchmarkRuns runs;

    LoadRuns(BenchmarkRuns runs) {
        this.runs = runs;
    }

    List<Row> headline() {
        List<Measured> all = runs.repeat("headline", HEADLINE);
        List<Measured> done = completed(all);
        String figure = "original headline replay";
        if (done.isEmpty()) {
            return List.of(noResults(figure, HEADLINE_GOAL.text(), all, command(HEADLINE)));
        }
        Medians medians = Medians.of(done);
        Measured middle = Median.run(done, m -> m.figures().wallRate());
        return List.of(new Row(medianOf(figure, done), HEADLINE_GOAL.text(),
                number(medians.wallRate(), 0) + " req/s (runs " + each(done, m -> number(m.figures().wallRate(), 0))
                        + "), mean " + number(medians.mean(), 3) + " s, p95 " + number(middle.figures().p95(), 3)
                        + " s, " + number(medians.failed(), 0) + " failed",
                HEADLINE_GOAL.metBy(medians), command(HEADLINE), details(all)));
    }

    List<Row> rush() {
        Map<String, String> settings = ordered("PROFILE", "rush", "TOTAL_USERS", "1000");
        List<Measured> all = runs.repeat("rush-1000", settings);
        List<Measured> done = completed(all);
        String figure = "rush of 1,000";
        if (done.isEmpty()) {
            return List.of(noResults(figure, RUSH_GOAL.text(), all, command(settings)));
        }
        Medians medians = Medians.of(done);
        Measured middle = Median.run(done, m -> m.figures().p95());
        return List.of(new Row(medianOf(figure, done), RUSH_GOAL.text(),
                "p95 " + number(medians.p95(), 3) + " s (runs " + each(done, m -> number(m.figures().p95(), 3))
                        + "), " + describe(middle.figures()),
                RUSH_GOAL.metBy(medians), command(settings), details(all)));
    }

    List<Row> largeRush() {
        int students = runs.options().largeRush();
        Map<String, String> settings = ordered("PROFILE", "rush", "TOTAL_USERS", Integer.toString(students));
        Measured run = runs.measure("rush-" + students, settings);
        String figure = "rush of " + number(students, 0);
        if (run.figures() == null) {
            return List.of(noResults(figure, LARGE_RUSH_GOAL.text(), List.of(run), command(settings)));
        }
        LargeRush rush = LargeRush.of(run.figures(), students);
        return List.of(new Row(figure, LARGE_RUSH_GOAL.text(), describe(run.figures()) + "; "
                + number(rush.finished(), 0) + " of " + number(students, 0) + " students finished in "
                + number(run.figures().durationSeconds(), 0) + " s",
                LARGE_RUSH_GOAL.metBy(rush), command(settings), details(List.of(run))));
    }

    private static String medianOf(String figure, List<Measured> runs) {
        return runs.size() == 1 ? figure : figure + " (median of " + runs.size() + ")";
    }
}
