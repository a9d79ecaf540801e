package locker.loadtest.results.report;

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
        List<String> parts = new ArrayList<>();
        if (!followsTheLoadSettings(config)) {
            String simulation = String.valueOf(config.get("simulation_class"));
            parts.add(simulation.substring(simulation.lastIndexOf('.') + 1));
            parts.add(target(config));
            return String.join(", ", parts);
        }
        if (config.get("total_users") instanceof Number users) {
            parts.add(String.format(Locale.ROOT, "%,d students", users.longValue()));
        }
        Object profile = config.get("profile");
        if ("batch".equals(profile) && config.get("concurrent_users") instanceof Number slots) {
            parts.add("batch of " + slots);
        } else if (profile != null) {
            parts.add(profile + " profile");
        }
        if (config.get("confirmation_rate") instanceof Number rate) {
            parts.add(String.format(Locale.ROOT, "confirm %s %%", new java.math.BigDecimal(rate.doubleValue() * 100)
                    .setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
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
        Object simulation = config.get("simulation_class");
        return simulation == null || !simulation.toString().startsWith(PROJECT_SIMULATIONS)
                || simulation.equals(MAIN_SIMULATION);
    }

    private static String target(Map<String, Object> config) {
        Object target = config.get("base_url");
        boolean embedded = "embedded".equals(config.get("db")) || target == null || "embedded reference stack".equals(target);
        return embedded ? "embedded reference stack" : "against " + target;
    }
}
