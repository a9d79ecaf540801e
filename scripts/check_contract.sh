#!/usr/bin/env bash
# The contract check in one command: whether a server gives every answer the load test relies on
# (docs/results-and-report.md, "The contract check"). Against the embedded reference stack unless BASE_URL
# is set; its settings as for the load test, e.g.
#   scripts/check_contract.sh BASE_URL=http://localhost:3000 DB_HOST=localhost DB_PASSWORD=...
# Exit status: 0 every answer as expected, 1 the run failed otherwise, 2 bad settings or a failed build; the
# Gatling JVM's own status (8: an answer differs) is in the output.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run_load_test.sh --simulation ContractCheckSimulation "$@"
