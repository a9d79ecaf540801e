#!/usr/bin/env bash
# Runs the load test in one command: checks Java, builds, prints the plan, runs the simulation with ./mvnw
# (against the embedded reference stack unless BASE_URL is set), and prints where the report and results are.
# With --repeat N it runs N times, keeps every report and results file, and compares the runs.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/run_load_test.sh [options] [NAME=value | -DNAME=value ...]

Runs the load test with ./mvnw gatling:test. Every NAME=value or -DNAME=value is passed on as a
setting (README.md, "Settings"), e.g. TOTAL_USERS=200 BASE_URL=http://localhost:3000.
Without BASE_URL the embedded reference stack is used.

options:
  --simulation NAME   LockerReservationSimulation (default), SmokeSimulation, LockerRaceSimulation,
                      or a fully qualified class name
  --repeat N          run the same test N times (default 1) and compare the runs
  --cooldown SECONDS  pause between repeated runs (default 30)
  --threshold PERCENT comparison: mark a run whose figure is more than PERCENT % off the median (default 20)
  --out DIR           where repeated runs are kept (default target/load-test-runs/<date-time>)
  -h, --help          this text

A repeated run keeps, per run, DIR/run-<n>/ with the results file, gatling.log and a link "report" to
the HTML report folder, and writes DIR/repeat_summary.json.
Exit status: 0 when every run passed; 1 when a run failed (an assertion or invariant was missed, or
the run could not complete); 2 for bad options or settings, no suitable Java, or a failed build.
MAVEN_ARGS (e.g. MAVEN_ARGS=-o for offline) is passed to Maven.
USAGE
}

die() { echo "run_load_test: $*" >&2; exit 2; }

is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
is_number() { [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; }

simulation=LockerReservationSimulation
repeat=1
cooldown=30
threshold=20
out=""
settings=()
while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --simulation|--repeat|--cooldown|--threshold|--out)
      (($# >= 2)) || die "$1 needs a value"
      case "$1" in
        --simulation) simulation=$2 ;;
        --repeat) repeat=$2 ;;
        --cooldown) cooldown=$2 ;;
        --threshold) threshold=$2 ;;
        --out) out=$2 ;;
      esac
      shift 2 ;;
    -D*=*|[A-Za-z_]*=*)
      setting=${1#-D}
      [[ ${setting%%=*} =~ ^[A-Za-z_][A-Za-z0-9_.]*$ ]] || die "not a setting name: '${setting%%=*}' (in '$1')"
      if [[ ${setting%%=*} == gatling.simulationClass ]]; then simulation=${setting#*=}; else settings+=("-D$setting"); fi
      shift ;;
    *) die "unknown argument '$1' (settings are NAME=value; see --help)" ;;
  esac
done
is_uint "$repeat" && ((repeat >= 1)) || die "--repeat needs a whole number of at least 1, was '$repeat'"
is_number "$cooldown" || die "--cooldown needs a number of seconds, was '$cooldown'"
is_number "$threshold" && [[ $threshold =~ [1-9] ]] || die "--threshold needs a percentage above 0, was '$threshold'"
[[ $simulation == *.* ]] || simulation=locker.loadtest.simulation.$simulation

if [[ -n $out && $out != /* ]]; then out=$PWD/$out; fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Java: the one the wrapper will use (JAVA_HOME, else the PATH's).
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
command -v "$java_cmd" >/dev/null || die "Java 17 or newer is needed: '$java_cmd' not found (install a JDK or set JAVA_HOME)"
java_version=$("$java_cmd" -version 2>&1 | sed -nE '/version "/{s/.*version "([0-9]+)(\.([0-9]+))?.*/\1 \3/p;q;}')
read -r java_major java_minor <<<"$java_version"
[[ ${java_major:-} == 1 ]] && java_major=${java_minor:-0}
is_uint "${java_major:-}" && ((java_major >= 17)) || die "Java 17 or newer is needed, '$java_cmd' is: $("$java_cmd" -version 2>&1 | head -1)"
echo "== Java $java_major ($java_cmd)"

echo "== Building (./mvnw test-compile)"
source scripts/lib/classpath.sh
classpath=$(test_classpath) || { echo "run_load_test: the build failed (see above)" >&2; exit 2; }
run_java() { "$java_cmd" -cp "$classpath" "${settings[@]}" "$@"; }

echo "== Plan"
run_java locker.loadtest.simulation.RunPlan "$simulation" || exit 2
results_file=$(run_java locker.loadtest.simulation.RunPlan --results-file)
if ((repeat > 1)); then
  out=${out:-target/load-test-runs/$(date +%Y%m%d-%H%M%S)}
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  echo "  runs:        $repeat, $cooldown s apart, kept in $out"
fi

gatling_dir=target/gatling
report_folders() { if [[ -d $gatling_dir ]]; then ls -1 "$gatling_dir"; fi; }

# Runs the simulation once; prints its report and results file; stores them in $1 when given.
run_once() {
  local run_dir=$1 before marker status=0 report
  before=$(report_folders)
  marker=$(mktemp)
  local command=(./mvnw -B gatling:test "-Dgatling.simulationClass=$simulation" "${settings[@]}")
  if [[ -n $run_dir ]]; then
    mkdir -p "$run_dir"
    "${command[@]}" 2>&1 | tee "$run_dir/gatling.log" || status=$?
  else
    "${command[@]}" || status=$?
  fi
  report=$(comm -13 <(sort <<<"$before") <(report_folders | sort) | tail -1)
  echo
  if [[ -n $report ]]; then
    if [[ -n $run_dir ]]; then ln -sfn "$root/$gatling_dir/$report" "$run_dir/report"; fi
    echo "report:  $root/$gatling_dir/$report/index.html"
  else
    echo "report:  none (the run ended before Gatling wrote one)"
  fi
  if [[ -f $results_file && $results_file -nt $marker ]]; then
    if [[ -n $run_dir ]]; then
      mv "$results_file" "$run_dir/"
      echo "results: $run_dir/$(basename "$results_file")"
    else
      echo "results: $(cd "$(dirname "$results_file")" && pwd)/$(basename "$results_file")"
    fi
  else
    echo "results: none (this run wrote no $results_file)"
  fi
  rm -f "$marker"
  if ((status != 0)); then
    echo "FAILED (exit status $status): an assertion or invariant was missed, or the run could not complete; see above"
  else
    echo "passed"
  fi
  return "$status"
}

failed=0
for ((i = 1; i <= repeat; i++)); do
  if ((repeat == 1)); then
    echo "== Running"
    run_once "" || failed=$((failed + 1))
  else
    echo "== Run $i of $repeat"
    run_once "$out/run-$i" || failed=$((failed + 1))
    if ((i < repeat)) && [[ $cooldown != 0 ]]; then
      echo "== Cooling down for $cooldown s"
      sleep "$cooldown"
    fi
  fi
done

if ((repeat > 1)); then
  results=()
  for ((i = 1; i <= repeat; i++)); do
    file="$out/run-$i/$(basename "$results_file")"
    if [[ -f $file ]]; then results+=("$file"); fi
  done
  echo
  if ((${#results[@]} >= 2)); then
    echo "== Comparison of the runs"
    "$java_cmd" -cp "$classpath" locker.loadtest.results.compare.RunComparison --threshold "$threshold" \
      --output "$out/repeat_summary.json" "${results[@]}" || failed=$((failed + 1))
  else
    echo "== No comparison: only ${#results[@]} of $repeat runs left a results file"
  fi
fi

if ((failed > 0)); then
  echo "$failed of $repeat run(s) failed" >&2
  exit 1
fi
