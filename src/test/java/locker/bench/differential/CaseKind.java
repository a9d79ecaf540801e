package locker.bench.differential;

import locker.loadtest.results.CommandLine;

/** What a case provokes, as the console table and {@code --only} name it. */
public enum CaseKind {
    AUTH, TOKENS, BODIES, PATHS_HTTP, CORS, SWAGGER, LOCKERS;

    public String label() {
        return CommandLine.optionName(name());
    }
}
