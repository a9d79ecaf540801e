/**
 * The test-data guarantees: the load test's own users and lockers are seeded before a run and removed after it, and
 * every other row and Redis key is as before. {@link locker.testdata.TestData} is the one entry point (seed,
 * restore, the guards that refuse a wrong database); {@link locker.testdata.Seeder} and
 * {@link locker.testdata.Restorer} do the work, the ledger of seedings ({@link locker.testdata.SeedingLedger}, table
 * {@code loadtest.runs}) and the snapshot remember it, {@link locker.testdata.RestoreMain} is scripts/restore.sh.
 * <p>
 * The seeding and removal logic itself is SQL: the functions in
 * src/test/resources/db/loadtest/V2__seed_and_remove_functions.sql, with the ledger and snapshot tables in
 * V1__ledger_and_snapshot.sql. A change there needs a new Flyway migration (V3__...), never an edit of an applied
 * one: Flyway refuses a database whose applied migration no longer matches its checksum.
 */
package locker.testdata;
