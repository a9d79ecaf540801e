package locker.bench.differential;

import locker.config.DbTarget;
import locker.config.RedisTarget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server compared: its base URL, its database and Redis (reset before every case), and the key it signs access
 * tokens with (null: the cases that forge tokens are skipped). {@link #toString()} shows no password or key.
 */
record ServerTarget(String name, String baseUrl, DbTarget database, RedisTarget redis, String jwtSecret) {

    /** What the report shows of this target. */
    Map<String, String> description() {
        Map<String, String> description = new LinkedHashMap<>();
        description.put("name", name);
        description.put("baseUrl", baseUrl);
        description.put("database", database.toString());
        description.put("redis", redis.toString());
        description.put("signingKey", jwtSecret == null ? "not given: the forged-token cases are skipped" : "given");
        return description;
    }

    @Override
    public String toString() {
        return name + " (" + baseUrl + ")";
    }
}
