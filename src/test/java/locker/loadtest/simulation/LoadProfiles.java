package locker.loadtest.simulation;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.*;

/** Turns an {@link InjectionPlan} into the Gatling population of the students. */
public final class LoadProfiles {
    private LoadProfiles() {}

    /** The students of a plan: each takes the next record of {@code students} and runs {@code eachStudent}. */
    public static PopulationBuilder populations(InjectionPlan plan, Iterator<Map<String, Object>> students,
                                         ChainBuilder eachStudent) {
        ChainBuilder oneStudent = feed(students).exec(eachStudent);
        return switch (plan.profile()) {
            case BATCH -> {
                // `slots` virtual users share the students: never more than `slots` at once, exactly `users` in all
                AtomicInteger notStarted = new AtomicInteger(plan.users());
                ChainBuilder slot = asLongAs(session -> notStarted.getAndDecrement() > 0).on(
                        plan.batchDelay().isZero() ? oneStudent : oneStudent.pause(plan.batchDelay()));
                yield scenario("Students").exec(slot).injectOpen(atOnceUsers(plan.slots()));
            }
            case RUSH, RAMP -> scenario("Students").exec(oneStudent)
                    .injectOpen(rampUsers(plan.users()).during(plan.arrivalWindow()));
            case SOAK -> scenario("Students").exec(oneStudent)
                    .injectOpen(constantUsersPerSec(plan.arrivalRate()).during(plan.arrivalWindow()));
        };
    }
}
