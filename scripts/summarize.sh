#!/usr/bin/env bash
# Regenerates the results JSON and prints the console summary for a past Gatling run folder:
#   scripts/summarize.sh target/gatling/<run>
# Reads <run>/index.html, <run>/simulation.log and, when the run left one, <run>/run-context.json.
# Writes RESULTS_FILENAME (default load_test_results.json at the project root) and <run>/load_test_results.json.
# SAVE_DETAILED_RESULTS=false leaves out detailed_results. Exit status 3: the run violated an invariant.
set -euo pipefail
if [ $# -ne 1 ] || [ ! -f "$1/index.html" ]; then
  echo "usage: $0 target/gatling/<run folder with index.html>" >&2
  exit 2
fi
run=$(realpath "$1")
cd "$(dirname "$0")/.."
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "summarize: the build failed (see above)" >&2; exit 2; }
exec java --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$classpath" locker.loadtest.results.export.ResultsExporter "$run"
