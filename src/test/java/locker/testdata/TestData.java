package locker.testdata;

import locker.config.DbTarget;
import locker.config.RedisTarget;
import locker.config.SeedPlan;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load test's test data in one database: {@link #seed} before a run, {@link #restore} after it
 * (or {@code scripts/restore.sh} after a run that died). Without a reachable database it is in
 * no-database mode ({@link #isConnected()} false): seeding and restoring do nothing, and say so.
 *
 * <p>From seeding until the end of the restore this object's session holds a PostgreSQL advisory lock,
 * so a second run, or a restore, cannot act on a run that is still alive; a dead process's session
 * (and lock) ends with it.
 */
public final class TestData implements AutoCloseable {
    static final long RUN_LOCK = 0x6C6F_636B_6572_4C54L;
    private static final long FLUSH_INTERVAL_MILLIS = 500;

    private final DbTarget db;
    private final RedisTarget redis;
    private final PhaseHook hook;
    private final String noDatabaseWarning;
    private final Queue<String> pendingTokenIds = new ConcurrentLinkedQueue<>();
    private Connection connection;
    private boolean lockHeld;
    private volatile Seeding activeRun;
    private ScheduledExecutorService flusher;
    private boolean flushWarned;

    private TestData(DbTarget db, RedisTarget redis, PhaseHook hook, Connection connection, String noDatabaseWarning) {
        this.db = db;
        this.redis = redis;
        this.hook = hook;
        this.connection = connection;
        this.noDatabaseWarning = noDatabaseWarning;
    }

    /** Connects; an unreachable database or refused credentials give no-database mode and one warning. */
    public static TestData connect(DbTarget db, RedisTarget redis) {
        return connect(db, redis, PhaseHook.NONE);
    }

    public static TestData connect(DbTarget db, RedisTarget redis, PhaseHook hook) {
        try {
            return new TestData(db, redis, hook, open(db), null);
        } catch (SQLException e) {
            String warning = "WARNING: no database: " + db + " is unreachable or refused the credentials ("
                    + e.getMessage() + "). The load test runs without test data: login-or-register registers the"
                    + " configured student ids itself, and those test users may remain on the server (db_connected: false).";
            System.err.println(warning);
            return new TestData(db, redis, hook, null, warning);
        }
    }

    /**
     * Joins the test data another process seeded for several load generators ({@code scripts/seed_test_data.sh}): the
     * ledger's unrestored run must have exactly {@code plan}. This generator neither seeds nor restores; it notes the
     * access tokens its students receive in that run's ledger (for the restore) and holds the advisory lock shared, so
     * that no seeding or restore acts while a generator is alive, while the generators do not exclude each other.
     *
     * @throws TestDataRefusedException when there is no such run, or a seeding or restore holds the database
     */
    public static TestData attach(DbTarget db, RedisTarget redis, SeedPlan plan) {
        TestData data;
        try {
            data = new TestData(db, redis, PhaseHook.NONE, open(db), null);
        } catch (SQLException e) {
            throw new TestDataRefusedException("EXTERNAL_TEST_DATA: " + db + " cannot be reached (" + e.getMessage()
                    + "); the seeded test data is found there. Nothing was sent.");
        }
        try {
            data.join(plan);
            return data;
        } catch (SQLException | RuntimeException e) {
            data.close();
            if (e instanceof TestDataRefusedException refused) {
                throw refused;
            }
            throw new TestDataRefusedException("EXTERNAL_TEST_DATA: cannot read the load test's ledger in " + db + ": "
                    + e.getMessage());
        }
    }

    private synchronized void join(SeedPlan plan) throws SQLException {
        Optional<Seeding> seeded = LoadTestSchema.exists(connection) ? SeedingLedger.unrestored(connection)
                : Optional.empty();
        String wanted = plan.totalUsers() + " test users from " + plan.studentIdStart() + " and "
                + plan.testLockersCount() + " test lockers";
        if (seeded.isEmpty()) {
            throw new TestDataRefusedException("EXTERNAL_TEST_DATA: " + db + " holds no seeded test data. Seed it once"
                    + " for all generators with scripts/seed_test_data.sh (" + wanted + ", as TOTAL_USERS,"
                    + " STUDENT_ID_START and TEST_LOCKERS_COUNT say). Nothing was sent.");
        }
        if (!seeded.get().plan().equals(plan)) {
            throw new TestDataRefusedException("EXTERNAL_TEST_DATA: the seeded test data is " + seeded.get().describe()
                    + ", but this generator's settings ask for " + wanted + ". Give every generator the settings the"
                    + " seeding had. Nothing was sent.");
        }
        // held until this session ends: a generator that dies releases it with its session
        if (!tryRunLock("pg_try_advisory_lock_shared")) {
            throw new TestDataRefusedException("EXTERNAL_TEST_DATA: a seeding or restore is at work on " + db
                    + " (it holds the load test's advisory lock). Nothing was sent; start the generators after it.");
        }
        activeRun = seeded.get();
        System.out.println("using the test data seeded once for every generator: " + activeRun.describe());
        startFlusher();
    }

    /** False in no-database mode; the results record it as {@code db_connected}. */
    public boolean isConnected() {
        return connection != null;
    }

    /** The no-database warning, when there is no database. */
    public Optional<String> warning() {
        return Optional.ofNullable(noDatabaseWarning);
    }

    /**
     * Checks the schema, restores an unrestored earlier run first, refuses when a user that is not test
     * data has an id in the plan's range, then seeds in one transaction.
     *
     * @throws TestDataRefusedException when it refuses; nothing was changed
     */
    public synchronized SeedResult seed(SeedPlan plan) {
        List<TestUser> users = TestUserRoster.of(plan);
        if (connection == null) {
            System.err.println("not seeding: no database; " + plan.totalUsers() + " test users from "
                    + plan.studentIdStart() + " will be registered by login-or-register and may remain on the server");
            return new SeedResult(false, 0, users, null, 0, Optional.empty());
        }
        if (activeRun != null) {
            throw new IllegalStateException("already seeded " + activeRun.describe() + "; restore it first");
        }
        try {
            List<String> differences = ContractSchema.differences(connection);
            if (!differences.isEmpty()) {
                throw new TestDataRefusedException("refusing to seed: " + db + " is not the contract's schema;"
                        + " nothing was changed:\n  - " + String.join("\n  - ", differences));
            }
            acquireRunLock("seed");
            try {
                Optional<RestoreReport> earlier = restoreEarlierRun();
                List<String> collisions = Seeder.collisions(connection, plan, users);
                if (!collisions.isEmpty()) {
                    throw new TestDataRefusedException("refusing to seed: users that are not test data already have"
                            + " ids of the test range " + plan.studentIdStart() + "–" + plan.studentIdEnd() + ": "
                            + String.join(", ", collisions) + ". Nothing was changed; choose another STUDENT_ID_START.");
                }
                LoadTestSchema.migrate(db);
                long started = System.nanoTime();
                Seeding run = Seeder.seed(connection, plan, users, seededBy(), hook);
                activeRun = run;
                System.out.printf("seeded run #%d: %d test users (student ids %d–%d), %d test lockers (ids %s) in %d ms%n",
                        run.id(), plan.totalUsers(), plan.studentIdStart(), plan.studentIdEnd(),
                        plan.testLockersCount(), run.lockerIds(), (System.nanoTime() - started) / 1_000_000);
                startFlusher();
                return new SeedResult(true, run.id(), users, run.lockerIdFirst(), plan.testLockersCount(), earlier);
            } catch (SQLException | RuntimeException e) {
                releaseRunLock();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /**
     * Notes an access token a test user received, so that the restore deletes its {@code blacklist:<jti>}
     * key. Cheap and non-blocking: the ids are written to {@code loadtest.run_tokens} every half second.
     */
    public void recordAccessToken(String accessToken) {
        if (activeRun != null) {
            AccessTokens.jti(accessToken).ifPresent(pendingTokenIds::add);
        }
    }

    /**
     * Deletes the row of one of this run's seeded test users, so that the user's next login is a first one (answered
     * 201, which the contract check must see). That login registers the same identity again, and the restore removes
     * it like every test user; nothing else references the row before the user's first login.
     */
    public synchronized void forgetUser(TestUser user) {
        Seeding run = activeRun;
        if (run == null || connection == null) {
            throw new IllegalStateException("no seeded run whose user " + user.studentId() + " could be forgotten");
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM users WHERE serial_id = ? "
                + "AND student_id = ? AND name = ? AND phone_number = ? AND serial_id IN "
                + "(SELECT serial_id FROM loadtest.run_users WHERE run_id = ?)")) {
            statement.setLong(1, user.serialId());
            statement.setString(2, user.studentId());
            statement.setString(3, user.name());
            statement.setString(4, user.phoneNumber());
            statement.setLong(5, run.id());
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("test user " + user.studentId() + " is not a seeded user of " + run.describe());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not forget test user " + user.studentId() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the token ids noted so far to the ledger now. */
    public synchronized void flushTokenLedger() {
        Seeding run = activeRun;
        List<String> jtis = new ArrayList<>();
        for (String jti; (jti = pendingTokenIds.poll()) != null; ) {
            jtis.add(jti);
        }
        if (run == null || jtis.isEmpty() || connection == null) {
            return;
        }
        try {
            SeedingLedger.recordTokenIds(connection, run.id(), jtis);
        } catch (SQLException e) {
            pendingTokenIds.addAll(jtis);
            if (!flushWarned) {
                flushWarned = true;
                System.err.println("WARNING: could not record token ids in loadtest.run_tokens, will retry: " + e.getMessage());
            }
        }
    }

    /**
     * Restores the unrestored run (this one's, or one that died), prints the report and returns it.
     *
     * @throws RestoreMismatchException when rows that are not test data differ from the snapshot
     * @throws TestDataRefusedException when a live process still holds the run
     * @throws RestoreFailedException when the database cannot be reached or changed; the test data stays
     */
    public synchronized RestoreReport restore() {
        return restore(connection -> {});
    }

    /** What is done with the database under the run lock, before the restore removes the test data. */
    @FunctionalInterface
    public interface BeforeRestore {
        void accept(Connection connection) throws SQLException;
    }

    /**
     * The same, with {@code first} done under the run lock before the restore (reading the state the run left, once
     * no generator can change it any more).
     */
    public synchronized RestoreReport restore(BeforeRestore first) {
        if (connection == null) {
            RestoreReport report = RestoreReport.noDatabase();
            System.err.println(report.summary());
            return report;
        }
        stopFlusher();
        RestoreReport report;
        try {
            ensureConnected();
            flushTokenLedger();
            acquireRunLock("restore");
            try {
                first.accept(connection);
                Optional<Seeding> run = unrestoredRun();
                report = run.isEmpty() ? RestoreReport.nothingToRestore()
                        : Restorer.restore(connection, run.get(), redis, hook);
                activeRun = null;
            } finally {
                releaseRunLock();
            }
        } catch (SQLException e) {
            throw new RestoreFailedException(e.getMessage());
        }
        System.out.println(report.describe());
        if (!report.exact()) {
            throw new RestoreMismatchException(report);
        }
        return report;
    }

    /**
     * Ends the session, noting the access tokens received so far; an unrestored run stays in the ledger for the next
     * run or scripts/restore.sh.
     */
    @Override
    public synchronized void close() {
        stopFlusher();
        flushTokenLedger();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session ends either way
            }
        }
    }

    private Optional<RestoreReport> restoreEarlierRun() throws SQLException {
        Optional<Seeding> earlier = unrestoredRun();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        System.out.println("an earlier load-test " + earlier.get().describe() + " was never restored; restoring it first");
        RestoreReport report = Restorer.restore(connection, earlier.get(), redis, hook);
        System.out.println(report.describe());
        if (!report.exact()) {
            System.err.println("WARNING: the database differs from its state before run #" + report.runId()
                    + " (see above); seeding goes on from its current state");
        }
        return Optional.of(report);
    }

    /** The ledger's unrestored run, the ledger's schema first brought to this version; empty without a ledger. */
    private Optional<Seeding> unrestoredRun() throws SQLException {
        if (!LoadTestSchema.exists(connection)) {
            return Optional.empty();
        }
        LoadTestSchema.migrate(db);
        return SeedingLedger.unrestored(connection);
    }

    private void acquireRunLock(String action) throws SQLException {
        if (lockHeld) {
            return;
        }
        lockHeld = tryRunLock("pg_try_advisory_lock");
        if (!lockHeld) {
            throw new TestDataRefusedException("refusing to " + action + ": another load-test process is seeding,"
                    + " running or restoring against " + db + " (its session holds the load test's advisory lock)."
                    + " Nothing was changed. Wait for it to end; if it died, its session ends with it, and then"
                    + " scripts/restore.sh (or the next run) restores its data.");
        }
    }

    /** Takes the run lock with {@code function} (exclusive or shared) unless another session holds it otherwise. */
    private boolean tryRunLock(String function) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, RUN_LOCK);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private void releaseRunLock() {
        if (!lockHeld) {
            return;
        }
        lockHeld = false;
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, RUN_LOCK);
            s.execute();
        } catch (SQLException e) {
            // a broken session has released its locks already
        }
    }

    private void ensureConnected() throws SQLException {
        if (!connection.isValid(DbTarget.CONNECT_TIMEOUT_SECONDS)) {
            try {
                connection.close();
            } catch (SQLException e) {
                // replaced below
            }
            connection = open(db);
            lockHeld = false;
        }
    }

    private void startFlusher() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loadtest-token-ledger");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushTokenLedger, FLUSH_INTERVAL_MILLIS, FLUSH_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void stopFlusher() {
        if (flusher != null) {
            flusher.shutdown();
            flusher = null;
        }
    }

    private static Connection open(DbTarget db) throws SQLException {
        return db.connect("locker-loadtest test data");
    }

    private static String seededBy() {
        return "pid@host " + ManagementFactory.getRuntimeMXBean().getName();
    }
}
