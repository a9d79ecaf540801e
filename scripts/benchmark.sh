#!/usr/bin/env bash
# Measures the load test and the reference stack on this machine and prints one table (also written to
# benchmark_results.json): the original load test's headline run, the rush of 1,000 and of 10,000 students, the
# reference server alone, seeding and restoring, the start-up split of ./mvnw gatling:test, and the load generator's own
# cost against a canned nginx stub (step ceiling; the stub is scripts/ceiling-stub/nginx.conf.template and needs
# Debian's nginx, which the step installs with apt-get when run as root).
#   scripts/benchmark.sh [--quick] [--out FILE] [--only STEP,...]     (--help for the options)
# Every load run is a real ./mvnw gatling:test; the table's commands repeat any row on its own.
# The logic is locker.bench.Benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "benchmark: the build failed (see above)" >&2; exit 2; }
exec java -cp "$classpath" locker.bench.Benchmark "$@"
