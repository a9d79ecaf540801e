#!/usr/bin/env bash
# Seeds the test data once for several load generators (shards) of one run against BASE_URL, after the
# run's pre-flight and contract check, and leaves it in the ledger (docs/sharded-runs.md). Start the
# generators with EXTERNAL_TEST_DATA=true, SHARD_COUNT, SHARD_INDEX and the same TOTAL_USERS,
# STUDENT_ID_START and TEST_LOCKERS_COUNT; after the last, scripts/combine_shards.sh checks and restores.
# Settings as for the load test (environment, -D via JAVA_TOOL_OPTIONS, or load-test.conf).
# Exit status: 0 seeded, 2 bad settings or a failed build, 7 pre-flight failed or seeding refused
# (nothing seeded), 8 the contract check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "seed_test_data: the build failed (see above)" >&2; exit 2; }
exec java -cp "$classpath" locker.loadtest.simulation.SeedForShards
