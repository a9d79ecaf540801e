#!/usr/bin/env bash
# Times seeding and restoring 1,000 and 100,000 test users (and 150 test lockers) against the embedded
# stack's PostgreSQL, and prints a table. Seed time counts TestData.seed (schema check, collision
# check, snapshot, COPY, inserts, commit); restore time counts TestData.restore (Redis, deletes,
# comparison of every table with its snapshot, commit).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "benchmark-seeding: the build failed (see above)" >&2; exit 2; }
exec java -cp "$classpath" locker.bench.SeedingBenchmark
