package locker.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line saying what a run was, from its settings: {@code 1,000 students, batch of 50, confirm 50 %,
 * embedded reference stack}. It fills the run description of Gatling's report.
 */
public final class RunDescription {
    private RunDescription() {}

    public static String of(Map<String, Object> config) {
        List<String> parts = new ArrayList<>();
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
        Object target = config.get("base_url");
        boolean embedded = "embedded".equals(config.get("db")) || target == null || "embedded reference stack".equals(target);
        parts.add(embedded ? "embedded reference stack" : "against " + target);
        return String.join(", ", parts);
    }
}
