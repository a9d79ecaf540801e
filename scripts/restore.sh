#!/usr/bin/env bash
# Restores the load test's database and Redis after a run that did not restore them itself (its JVM
# was killed, the machine went down): removes every trace of the unrestored run and checks that every
# table equals the snapshot taken before it. Safe to run any number of times.
# Settings as for the load test: DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, REDIS_HOST,
# REDIS_PORT, REDIS_PASSWORD (environment, -D via JAVA_TOOL_OPTIONS, or load-test.conf).
# Exit status: 0 restored (or nothing to restore), 1 restored but other rows changed meanwhile,
# 2 no database, bad settings or a failed build, 3 refused because a live run still holds the database,
# 4 the database stopped answering during the restore (rolled back; run it again once it answers).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "restore: the build failed (see above)" >&2; exit 2; }
exec java -cp "$classpath" locker.testdata.RestoreMain
