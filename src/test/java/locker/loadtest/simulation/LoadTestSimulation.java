package locker.loadtest.simulation;

import io.gatling.javaapi.core.Simulation;
import locker.config.LoadTestConfig;

import java.util.function.ToIntFunction;

/**
 * The base of the project's simulations: a {@link LoadTestRun} started in the constructor (settings,
 * target, students) and Gatling's hooks wired to it (seeding before, invariants, restore and results after).
 * A simulation only assembles its scenario in an initializer block.
 */
public abstract class LoadTestSimulation extends Simulation {
    protected final LoadTestRun run;

    /** {@code students} says how many test students the simulation needs, from the settings. */
    protected LoadTestSimulation(ToIntFunction<LoadTestConfig> students) {
        this(LoadTestRun.start(students));
    }

    /** A simulation whose run was started its own way. */
    LoadTestSimulation(LoadTestRun run) {
        this.run = run;
    }

    @Override
    public void before() {
        run.before();
    }

    @Override
    public void after() {
        run.after(this);
    }
}
