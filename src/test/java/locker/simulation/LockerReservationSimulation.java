package locker.simulation;

import io.gatling.javaapi.core.ChainBuilder;
import locker.config.LoadProfile;
import locker.scenario.LockerJourney;

import static io.gatling.javaapi.core.CoreDsl.repeat;

/**
 * The rush: TOTAL_USERS students each log in, list the lockers, hold one, think, confirm or give it
 * up, and check "my locker", arriving as PROFILE says. The default simulation of {@code ./mvnw gatling:test}.
 */
public class LockerReservationSimulation extends LoadTestSimulation {
    public LockerReservationSimulation() {
        super(config -> config.totalUsers);
        InjectionPlan plan = InjectionPlan.of(run.config());
        LockerJourney journey = run.journey();
        ChainBuilder eachStudent = plan.profile() == LoadProfile.SOAK
                ? repeat(plan.journeys()).on(journey.journey().exec(journey.releaseMyLocker()))
                : journey.journey();
        setUp(LoadProfiles.populations(plan, run.students(), eachStudent))
                .protocols(run.protocol())
                .maxDuration(run.config().totalTimeout)
                .assertions(StandardAssertions.of(run.config()));
    }
}
