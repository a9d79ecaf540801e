package locker.loadtest.capacity;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The capacity search as a Gatling population. Level k starts at k x CAPACITY_LEVEL_DURATION: the students it
 * adds to those already running arrive at once, and every student loops the journey (giving back what it
 * confirmed, so lockers stay in circulation) with a think pause between journeys, a closed model of that many
 * concurrent students. When a level ends, {@link LiveMeter}'s count judges it; after a level that broke a goal no
 * student starts another journey, and the last one to finish its journey stops the load generator (so the
 * levels still planned do not wait out their time), so a broken server is not hammered further. {@link #record()} says when each level ran, for the analysis of simulation.log.
 */
public final class CapacitySearch {
    private static final Logger LOG = LoggerFactory.getLogger(CapacitySearch.class);

    private final CapacityPlan plan;
    private final CapacityGoals goals;
    private final Supplier<Map<String, Long>> outcomes;
    private final LiveMeter meter = new LiveMeter();
    private final AtomicLong startedAt = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final List<LevelWindow> levels = new ArrayList<>();
    private final ScheduledExecutorService judge = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "capacity-judge");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, Long> outcomesBefore = Map.of();
    private volatile String stopReason;
    private volatile boolean over;

    /** {@code outcomes} gives the journey outcomes counted so far. */
    public CapacitySearch(CapacityPlan plan, CapacityGoals goals, Supplier<Map<String, Long>> outcomes) {
        this.plan = plan;
        this.goals = goals;
        this.outcomes = outcomes;
    }

    /** The students: each takes one test student and loops {@code journey}, thinking between journeys. */
    public PopulationBuilder population(Iterator<Map<String, Object>> students, ChainBuilder journey,
                                        Duration thinkMin, Duration thinkMax) {
        ChainBuilder student = exec(this::startClock)
                .feed(students)
                .asLongAs(session -> running()).on(exec(journey).pause(thinkMin, thinkMax))
                // the last student to finish its journey stops the run: none is cut off between confirm and release
                .exec(stopLoadGeneratorIf(session -> stopReason, session -> stopReason != null && active.decrementAndGet() == 0));
        List<OpenInjectionStep> steps = new ArrayList<>();
        List<Integer> sizes = plan.levels();
        steps.add(atOnceUsers(sizes.get(0)));
        for (int k = 1; k < sizes.size(); k++) {
            steps.add(nothingFor(plan.levelDuration()));
            steps.add(atOnceUsers(sizes.get(k) - sizes.get(k - 1)));
        }
        return scenario("Capacity search").exec(student).injectOpen(steps);
    }

    /** {@code protocol}, telling the live meter when each request is sent and answered. */
    public HttpProtocolBuilder protocol(HttpProtocolBuilder protocol) {
        return protocol
                .sign((request, session) -> {
                    meter.sent(session.userId());
                    return request;
                })
                .check(status().transformWithSession((code, session) -> {
                    meter.answered(session.userId(), code);
                    return code;
                }));
    }

    /** When each level ran and how it was judged, for the run's report folder. */
    public CapacityRecord record() {
        judge.shutdownNow();
        synchronized (levels) {
            return new CapacityRecord(goals, plan.levelDuration().toMillis() / 1000.0, plan.levels(), levels, stopReason);
        }
    }

    private boolean running() {
        return !over && stopReason == null;
    }

    private Session startClock(Session session) {
        active.incrementAndGet();
        long now = System.currentTimeMillis();
        if (startedAt.compareAndSet(0, now)) {
            outcomesBefore = outcomes.get();
            long levelMillis = plan.levelDuration().toMillis();
            for (int k = 0; k < plan.levels().size(); k++) {
                int level = k;
                judge.schedule(() -> judgeLevel(level, now + level * levelMillis, now + (level + 1) * levelMillis),
                        (k + 1) * levelMillis, TimeUnit.MILLISECONDS);
            }
        }
        return session;
    }

    private void judgeLevel(int k, long from, long to) {
        try {
            int students = plan.levels().get(k);
            Map<String, Long> now = outcomes.get();
            Map<String, Long> levelOutcomes = new LinkedHashMap<>();
            now.forEach((key, count) -> levelOutcomes.put(key, count - outcomesBefore.getOrDefault(key, 0L)));
            outcomesBefore = now;
            LevelFigures live = LevelFigures.of(students, (to - from) / 1000.0, meter.takeWindow(from, to),
                    levelOutcomes, goals);
            synchronized (levels) {
                levels.add(new LevelWindow(students, from, to, levelOutcomes, live.brokenGoals()));
            }
            LOG.info("capacity level {} ({} students): {} requests, {} req/s, mean {} ms, p95 {} ms, success {} %{}",
                    k + 1, students, live.requests(), live.requestsPerSecond(), live.meanMillis(), live.p95Millis(),
                    live.successRate(), live.metEveryGoal() ? "" : ", broke " + String.join("; ", live.brokenGoals()));
            if (!live.metEveryGoal()) {
                stopReason = "level of " + students + " students broke " + String.join("; ", live.brokenGoals());
                judge.shutdownNow();
            } else if (k == plan.levels().size() - 1) {
                over = true;
            }
        } catch (RuntimeException e) {
            LOG.error("capacity level {} could not be judged; the search stops", k + 1, e);
            stopReason = "level " + (k + 1) + " could not be judged: " + e;
        }
    }
}
