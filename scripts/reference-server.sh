#!/usr/bin/env bash
# Starts embedded PostgreSQL, embedded Redis and the reference locker server, and keeps them up
# until Ctrl-C. Once ready it prints BASE_URL=..., DB_HOST=..., REDIS_PORT=... lines, so that
#   eval "$(scripts/reference-server.sh | head -8)"   (in another shell) or a copy by hand
# points any client at it. PORT=3000 fixes the server's port; SERVER_WARM_UP=5 warms the server up for
# 5 s before it is announced; LOCKER_APPLICATION_START/_END, HOLD_TTL_SECONDS, JWT_SECRET and DB_POOL_SIZE
# change its behaviour. The application window (RFC 3339, e.g. 2025-09-18T18:00:00+09:00): with
# neither variable set it is open, from a minute before start-up to a year after, at +09:00; once either is set
# both are read as the deployed server reads them, so an unset LOCKER_APPLICATION_END refuses every hold (403).
# DB_POOL_SIZE is the server's database connections (default 10, as deployed); requests queue for one.
# A bad setting is reported before anything starts (exit status 2).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "reference-server: the build failed (see above)" >&2; exit 2; }
# The parallel collector, as in the load test's own JVM (pom.xml): on two cores the twin with G1 reached 0.67 to 0.80
# of the deployed server's saturation throughput, with this one 0.91 (docs/deployed-vs-twin.md, ninth measurement).
exec java -XX:+UseParallelGC -cp "$classpath" locker.twin.stack.ReferenceStackMain
