package locker.loadtest.simulation;

import io.gatling.javaapi.core.ChainBuilder;
import locker.config.LoadProfile;
import locker.config.Profile;
import locker.loadtest.capacity.CapacityPlan;
import locker.loadtest.capacity.CapacitySearch;
import locker.loadtest.scenario.LockerJourney;

import static io.gatling.javaapi.core.CoreDsl.repeat;

/**
 * The rush: TOTAL_USERS students each log in, list the lockers, hold one, think, confirm or give it
 * up, and check "my locker", arriving as PROFILE says. The default simulation of {@code ./mvnw gatling:test}, and the
 * one that runs as a shard of several load generators (SHARD_INDEX, SHARD_COUNT: each its slice of the students).
 */
public class LockerReservationSimulation extends LoadTestSimulation {
    public LockerReservationSimulation() {
        super(LoadTestRun.startShard(
                config -> config.profile == Profile.CAPACITY ? CapacityPlan.of(config).largestLevel() : config.totalUsers));
        if (run.config().profile == Profile.CAPACITY) {
            setUpCapacitySearch();
            return;
        }
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

    /**
     * PROFILE=capacity: levels of concurrent students until one breaks a goal. Its goals are judged per level
     * (locker.loadtest.capacity), not by Gatling's global assertions, which the broken last level would fail.
     */
    private void setUpCapacitySearch() {
        CapacitySearch search = run.capacitySearch();
        LockerJourney journey = run.journey();
        setUp(search.population(run.students(), journey.journey().exec(journey.releaseMyLocker()),
                run.config().thinkTimeMin, run.config().thinkTimeMax))
                .protocols(search.protocol(run.protocol()))
                .maxDuration(run.config().totalTimeout);
    }
}
