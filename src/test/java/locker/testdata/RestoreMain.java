package locker.testdata;

import locker.config.DbTarget;
import locker.config.LoadTestConfig;
import locker.config.RedisTarget;
import locker.config.SettingSource;

/**
 * {@code scripts/restore.sh}: restores the unrestored load-test run, for example one whose JVM died.
 * Reads DB_* and REDIS_* like the load test. Exit status: 0 restored exactly or nothing to restore,
 * 1 restored but rows that are not test data differ from the snapshot, 2 no database or bad settings,
 * 3 refused (a live run still holds the database).
 */
public final class RestoreMain {
    private RestoreMain() {}

    public static void main(String[] args) {
        System.exit(run(SettingSource.standard()));
    }

    static int run(SettingSource settings) {
        DbTarget db;
        RedisTarget redis;
        try {
            LoadTestConfig config = LoadTestConfig.from(settings);
            db = config.database;
            redis = config.redis;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println("restoring load-test data in " + db + " (Redis " + redis + ")");
        try (TestData data = TestData.connect(db, redis)) {
            if (!data.isConnected()) {
                return 2;
            }
            data.restore();
            return 0;
        } catch (RestoreMismatchException e) {
            System.err.println("FAILED: run #" + e.report().runId() + " is restored, but the database is not exactly"
                    + " as before it (see above)");
            return 1;
        } catch (TestDataRefusedException e) {
            System.err.println(e.getMessage());
            return 3;
        } catch (RestoreFailedException e) {
            System.err.println(e.getMessage());
            return 4;
        }
    }
}
