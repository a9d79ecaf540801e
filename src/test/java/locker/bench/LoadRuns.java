package locker.bench;

import locker.bench.BenchmarkReport.Row;
import locker.bench.Goal.Limit;
import locker.config.Settings;
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
    /** The students of the repeated rush. */
    static final int RUSH_STUDENTS = 1_000;
    static final Goal<Medians> RUSH_GOAL = Goal.of(
            Limit.below("p95", 0.250, v -> number(v * 1000, 0) + " ms", Medians::p95));
    /** TOTAL_TIMEOUT's default: the large rush runs with it, and a run that reaches it did not end by itself. */
    static final double TOTAL_TIMEOUT_SECONDS = Settings.TOTAL_TIMEOUT.fallback().toMillis() / 1000.0;
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
     * TOTAL_TIMEOUT would have ended it.
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
        return repeated("headline", "original headline replay", HEADLINE, HEADLINE_GOAL, RunFigures::wallRate,
                (medians, done, middle) -> number(medians.wallRate(), 0) + " req/s (runs "
                        + each(done, m -> number(m.figures().wallRate(), 0)) + "), mean " + number(medians.mean(), 3)
                        + " s, p95 " + number(middle.figures().p95(), 3) + " s, " + number(medians.failed(), 0) + " failed");
    }

    List<Row> rush() {
        return repeated("rush-" + RUSH_STUDENTS, "rush of " + number(RUSH_STUDENTS, 0),
                ordered("PROFILE", "rush", "TOTAL_USERS", Integer.toString(RUSH_STUDENTS)), RUSH_GOAL,
                RunFigures::p95, (medians, done, middle) -> "p95 " + number(medians.p95(), 3) + " s (runs "
                        + each(done, m -> number(m.figures().p95(), 3)) + "), " + describe(middle.figures()));
    }

    /** The measured cell of repeated runs: their medians, the runs that left figures, and the middle one of them. */
    private interface RepeatedText {
        String of(Medians medians, List<Measured> done, Measured middle);
    }

    /** One row from {@link BenchmarkOptions#repeats()} runs, judged on their medians; {@code middleBy} picks the run described. */
    private List<Row> repeated(String name, String figure, Map<String, String> settings, Goal<Medians> goal,
                               ToDoubleFunction<RunFigures> middleBy, RepeatedText text) {
        List<Measured> all = runs.repeat(name, settings);
        List<Measured> done = completed(all);
        if (done.isEmpty()) {
            return List.of(noResults(figure, goal.text(), all, command(settings)));
        }
        Medians medians = Medians.of(done);
        Measured middle = Median.run(done, m -> middleBy.applyAsDouble(m.figures()));
        String named = done.size() == 1 ? figure : figure + " (median of " + done.size() + ")";
        return List.of(new Row(named, goal.text(), text.of(medians, done, middle), goal.metBy(medians), command(settings),
                details(all)));
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
}
