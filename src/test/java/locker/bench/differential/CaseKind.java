package locker.bench.differential;

import java.util.Arrays;
import java.util.Locale;

/** What a case provokes, as the console table and {@code --only} name it. */
public enum CaseKind {
    AUTH, TOKENS, BODIES, PATHS_HTTP, CORS, SWAGGER, LOCKERS;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CaseKind byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--only takes some of " + String.join(", ",
                        Arrays.stream(values()).map(CaseKind::label).toList()) + "; was '" + label + "'"));
    }
}
