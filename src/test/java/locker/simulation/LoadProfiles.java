package locker.simulation;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.List;
import java.util.function.Function;

import static io.gatling.javaapi.core.CoreDsl.*;

/** Turns an {@link InjectionPlan} into Gatling populations. */
final class LoadProfiles {
    private LoadProfiles() {}

    /**
     * The populations of a plan. {@code scenarioNamed} builds the scenario under a given name: the batch
     * profile runs one copy per batch, chained so that a batch starts only when the one before is done.
     */
    static PopulationBuilder populations(InjectionPlan plan, Function<String, ScenarioBuilder> scenarioNamed) {
        return switch (plan.profile()) {
            case BATCH -> batches(plan, scenarioNamed);
            case RUSH, RAMP -> scenarioNamed.apply("Students")
                    .injectOpen(rampUsers(plan.users()).during(plan.arrivalWindow()));
            case SOAK -> scenarioNamed.apply("Students")
                    .injectOpen(constantUsersPerSec(plan.arrivalRate()).during(plan.arrivalWindow()));
        };
    }

    private static PopulationBuilder batches(InjectionPlan plan, Function<String, ScenarioBuilder> scenarioNamed) {
        List<Integer> sizes = plan.batchSizes();
        PopulationBuilder next = null;
        for (int i = sizes.size() - 1; i >= 0; i--) {
            String name = sizes.size() == 1 ? "Students" : "Students, batch " + (i + 1) + " of " + sizes.size();
            ScenarioBuilder scenario = scenarioNamed.apply(name);
            OpenInjectionStep arrive = atOnceUsers(sizes.get(i));
            PopulationBuilder batch = i == 0 || plan.batchDelay().isZero()
                    ? scenario.injectOpen(arrive)
                    : scenario.injectOpen(nothingFor(plan.batchDelay()), arrive);
            next = next == null ? batch : batch.andThen(next);
        }
        return next;
    }
}
