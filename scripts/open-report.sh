#!/usr/bin/env bash
# Opens the newest Gatling HTML report (under GATLING_RESULTS_DIR, default target/gatling) in the user's
# browser; where there is no browser to open (no display, e.g. over ssh or in CI) it prints the report's path.
set -euo pipefail
cd "$(dirname "$0")/.."
results=${GATLING_RESULTS_DIR:-target/gatling}
report=$(ls -t "$results"/*/index.html 2>/dev/null | head -n 1 || true)
if [ -z "$report" ]; then
  echo "no HTML report under $results; run ./mvnw gatling:test first" >&2
  exit 1
fi
url="file://$(realpath "$report")"
echo "$url"
if [ "$(uname)" = Darwin ]; then
  open "$url"
elif [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null 2>&1; then
  xdg-open "$url" >/dev/null 2>&1 &
fi
