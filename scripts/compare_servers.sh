#!/usr/bin/env bash
# The differential comparison of two locker servers (docs/reference-server.md, "Comparing the twin with the deployed
# server"): the same requests sent to A and B, each after a reset of its database and Redis, answers and rows compared,
# then the races' frequencies counted on each. It WIPES both targets' users, tokens, assignments, owners and Redis:
#   scripts/compare_servers.sh --i-understand-this-wipes-both-databases --a-settings a.env --b-settings b.env
# (--help for every option). Exit status: 0 no difference a client could meet, 1 at least one, 2 bad arguments, a
# refused target or a failed build (nothing changed), 3 a target's database or Redis failed during the comparison.
# The logic is locker.bench.differential.CompareServers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/classpath.sh"
# test_classpath must run in the project; its first entry is relative to it. Files stay relative to the caller.
classpath=$(cd "$root" && test_classpath) || { echo "compare_servers: the build failed (see above)" >&2; exit 2; }
case "$classpath" in /*) ;; *) classpath="$root/$classpath" ;; esac
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$classpath" locker.bench.differential.CompareServers "$@"
