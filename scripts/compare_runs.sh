#!/usr/bin/env bash
# Compares the results files of two or more runs (e.g. before and after a server change):
#   scripts/compare_runs.sh [--threshold PERCENT] [--output repeat_summary.json] a.json b.json ...
# Prints a table of throughput, mean, 95th percentile, success rate and outcomes per run, with min,
# median, max and spread per figure; --help for the options. The comparison itself is
# locker.loadtest.results.compare.RunComparison.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/classpath.sh"
# test_classpath must run in the project; its first entry is relative to it. Files stay relative to the caller.
classpath=$(cd "$root" && test_classpath) || { echo "compare_runs: the build failed (see above)" >&2; exit 2; }
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$root/$classpath" locker.loadtest.results.compare.RunComparison "$@"
