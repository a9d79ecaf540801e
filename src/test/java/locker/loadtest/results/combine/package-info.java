/**
 * The combination of several load generators' runs (shards) into one (scripts/combine_shards.sh):
 * {@link locker.loadtest.results.combine.CombinedResults} sums and merges the shards' results files, and
 * {@link locker.loadtest.results.combine.CombineShards} checks the invariants over the whole database and restores
 * the test data seeded once before it writes them. Nothing of the project uses it.
 */
package locker.loadtest.results.combine;
