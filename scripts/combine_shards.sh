#!/usr/bin/env bash
# After the last load generator (shard) of a run has finished: checks the invariants over the whole
# database, restores the test data seeded by scripts/seed_test_data.sh, and combines the shards'
# results files into one, with the Locker rush section as a page of its own (docs/sharded-runs.md).
#   scripts/combine_shards.sh [--no-database] [--output combined_results.json] shard-0.json shard-1.json ...
# --no-database only combines. DB_* and REDIS_* as for the load test.
# Exit status: 0 every goal and invariant held and the database is as before, 1 a goal missed or rows
# changed by others, 2 bad arguments, settings or a failed build, 3 an invariant violated, 7 the
# database unreachable or a generator still running (nothing checked or restored).
set -euo pipefail
# file names are the caller's, relative to where it stands
args=()
for arg in "$@"; do
  case $arg in
    -* | /*) args+=("$arg") ;;
    *) args+=("$PWD/$arg") ;;
  esac
done
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "combine_shards: the build failed (see above)" >&2; exit 2; }
exec java -cp "$classpath" locker.loadtest.results.combine.CombineShards ${args[@]+"${args[@]}"}
