package locker.testdata;

import locker.config.RedisTarget;
import locker.contract.RedisKeys;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes a run's Redis traces: {@code locker:hold:*} keys whose holder is a test user or whose locker
 * is a test locker, and {@code blacklist:<jti>} of the access tokens recorded for the run.
 */
final class RedisCleanup {
    /** Deletes the key only if it still holds the value read, so a hold taken meanwhile by someone else stays. */
    private static final String DELETE_IF_UNCHANGED =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
    private static final int BATCH = 1000;
    private static final int SHOWN_KEYS = 3;
    private static final int SHOWN_RANGES = 5;

    /**
     * What was removed; when Redis could not be cleaned, {@code warning} summarises the keys that may be left and
     * {@code keysLeft} lists them all (the test lockers' hold keys as one pattern of their range).
     */
    record Outcome(int holdsRemoved, int blacklistRemoved, String warning, List<String> keysLeft) {
        String summary() {
            return warning != null ? warning
                    : "redis: removed " + holdsRemoved + " hold keys, " + blacklistRemoved + " blacklist entries";
        }
    }

    private RedisCleanup() {}

    /**
     * {@code heldLockers}: lockers test users hold or own in the database; if Redis is down, the warning names those
     * that are not test lockers (the test lockers' keys are named as their range).
     */
    static Outcome clean(RedisTarget target, Seeding run, Set<Long> testSerials, List<String> jtis,
                         Collection<Long> heldLockers) {
        try (Jedis jedis = target.connect(3_000)) {
            int holds = removeHolds(jedis, run, testSerials);
            int blacklisted = 0;
            for (int i = 0; i < jtis.size(); i += BATCH) {
                blacklisted += (int) jedis.del(jtis.subList(i, Math.min(jtis.size(), i + BATCH)).stream()
                        .map(RedisKeys::blacklist).toArray(String[]::new));
            }
            return new Outcome(holds, blacklisted, null, List.of());
        } catch (JedisException e) {
            String testLockers = run.lockerIdFirst() == null ? null : RedisKeys.HOLD_PREFIX + "{" + run.lockerIds() + "}";
            List<Long> heldElsewhere = heldLockers.stream().filter(id -> !run.isTestLocker(id)).toList();
            return new Outcome(0, 0, "WARNING: Redis at " + target + " is unreachable (" + e.getMessage()
                    + "); these keys of run #" + run.id() + " may remain until they expire: "
                    + keysLeft(heldElsewhere, testLockers, jtis), allKeysLeft(heldElsewhere, testLockers, jtis));
        }
    }

    private static int removeHolds(Jedis jedis, Seeding run, Set<Long> testSerials) {
        int removed = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams pattern = new ScanParams().match(RedisKeys.HOLD_PREFIX + "*").count(BATCH);
        do {
            ScanResult<String> page = jedis.scan(cursor, pattern);
            for (String key : page.getResult()) {
                String holder = jedis.get(key);
                if (holder != null && (isTestSerial(holder, testSerials) || run.isTestLocker(lockerId(key)))) {
                    removed += ((Long) jedis.eval(DELETE_IF_UNCHANGED, List.of(key), List.of(holder))).intValue();
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return removed;
    }

    private static boolean isTestSerial(String holder, Set<Long> testSerials) {
        try {
            return testSerials.contains(Long.parseLong(holder.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long lockerId(String holdKey) {
        try {
            return Long.parseLong(holdKey.substring(RedisKeys.HOLD_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Every key that may be left, for the results file: each held locker's, the test lockers' pattern, each blacklist key. */
    static List<String> allKeysLeft(Collection<Long> heldLockers, String testLockerKeys, List<String> jtis) {
        List<String> keys = new ArrayList<>();
        new TreeSet<>(heldLockers).forEach(id -> keys.add(RedisKeys.hold(id)));
        if (testLockerKeys != null) {
            keys.add(testLockerKeys);
        }
        jtis.forEach(jti -> keys.add(RedisKeys.blacklist(jti)));
        return keys;
    }

    /**
     * The keys that may be left, summarised: the held lockers' hold keys as runs of consecutive ids (the first
     * {@value #SHOWN_RANGES}), the test lockers' keys as their range, and the first {@value #SHOWN_KEYS} blacklist
     * keys, each with a count of the rest.
     */
    static String keysLeft(Collection<Long> heldLockers, String testLockerKeys, List<String> jtis) {
        List<String> parts = new ArrayList<>();
        TreeSet<Long> lockers = new TreeSet<>(heldLockers);
        List<long[]> ranges = ranges(lockers);
        if (!ranges.isEmpty()) {
            List<String> shown = ranges.stream().limit(SHOWN_RANGES)
                    .map(r -> r[0] == r[1] ? Long.toString(r[0]) : r[0] + "–" + r[1]).toList();
            long rest = ranges.stream().skip(SHOWN_RANGES).mapToLong(r -> r[1] - r[0] + 1).sum();
            parts.add("hold keys of lockers held by test users (" + lockers.size() + "): "
                    + RedisKeys.HOLD_PREFIX + "{" + String.join(", ", shown) + "}"
                    + (rest > 0 ? " and " + rest + " more" : ""));
        }
        if (testLockerKeys != null) {
            parts.add(testLockerKeys);
        }
        if (!jtis.isEmpty()) {
            parts.add("blacklist keys (" + jtis.size() + "): " + String.join(", ",
                    jtis.stream().limit(SHOWN_KEYS).map(RedisKeys::blacklist).toList())
                    + (jtis.size() > SHOWN_KEYS ? " and " + (jtis.size() - SHOWN_KEYS) + " more" : ""));
        }
        return parts.isEmpty() ? "none known" : String.join("; ", parts);
    }

    /** Runs of consecutive ids, each as {first, last}. */
    private static List<long[]> ranges(TreeSet<Long> ids) {
        List<long[]> ranges = new ArrayList<>();
        for (long id : ids) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == id) {
                last[1] = id;
            } else {
                ranges.add(new long[]{id, id});
            }
        }
        return ranges;
    }
}
