package locker.loadtest.results.report;

import locker.config.LoadTestConfig;
import locker.config.Settings;
import locker.loadtest.results.RunResults.RunConfig;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line saying what a run was, from its settings: {@code 1,000 students, batch of 50, confirm 50 %,
 * embedded reference stack}. It fills the run description of Gatling's report.
 */
public final class RunDescription {
    private static final String PROJECT_SIMULATIONS = "locker.loadtest.simulation.";
    private static final String MAIN_SIMULATION = "locker.loadtest.simulation.LockerReservationSimulation";

    private RunDescription() {}

    public static String of(Map<String, Object> config) {
        if (!followsTheLoadSettings(config)) {
            String simulation = String.valueOf(config.get(RunConfig.SIMULATION_CLASS));
            return simulation.substring(simulation.lastIndexOf('.') + 1) + ", " + target(config);
        }
        List<String> parts = new ArrayList<>();
        if (config.get(Settings.TOTAL_USERS.key()) instanceof Number users) {
            parts.add(String.format(Locale.ROOT, "%,d students", users.longValue()));
        }
        Object profile = config.get(Settings.PROFILE.key());
        if ("batch".equals(profile) && config.get(Settings.CONCURRENT_USERS.key()) instanceof Number slots) {
            parts.add("batch of " + slots);
        } else if (profile != null) {
            parts.add(profile + " profile");
        }
        if (config.get(Settings.CONFIRMATION_RATE.key()) instanceof Number rate) {
            parts.add(String.format(Locale.ROOT, "confirm %s %%", new BigDecimal(rate.doubleValue() * 100)
                    .setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
        }
        parts.add(target(config));
        return String.join(", ", parts);
    }

    /**
     * Whether the run's students are the settings' TOTAL_USERS arriving as PROFILE says: true for the main
     * simulation (and for simulations outside the project's own); the smoke run, the race and the benchmark
     * pick their own numbers, so their settings do not describe them.
     */
    public static boolean followsTheLoadSettings(Map<String, Object> config) {
        Object simulation = config.get(RunConfig.SIMULATION_CLASS);
        return simulation == null || !simulation.toString().startsWith(PROJECT_SIMULATIONS)
                || simulation.equals(MAIN_SIMULATION);
    }

    private static String target(Map<String, Object> config) {
        return LoadTestConfig.describesEmbeddedStack(config) ? LoadTestConfig.EMBEDDED_TARGET
                : "against " + config.get(Settings.BASE_URL.key());
    }
}
