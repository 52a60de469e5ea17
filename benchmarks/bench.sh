#!/usr/bin/env bash
# Runs the full benchmark of issues 5 and 19 in Node.js, headless Chromium and headless Firefox and writes
# benchmarks/target/bench-results.json and benchmarks/target/bench-results.md (the table also goes to stdout).
#
#   benchmarks/bench.sh                      build what is needed, then run the full benchmark (some 35 minutes)
#   benchmarks/bench.sh --mode smoke         the quick correctness run (what `mvn verify` runs as a test)
#   benchmarks/bench.sh --engines node --workloads file,meta --samples 9
#   benchmarks/bench.sh --hosts ours --workloads tell --profile benchmarks/target/profiles
#   benchmarks/bench.sh --engines firefox --workloads stdout --sinks copy
#   benchmarks/bench.sh --suite threads      issue 23's threads benchmark instead (Node.js; options in README.md)
#
# Options are Bench's (see benchmarks/README.md). Exits non-zero if a host failed a workload or the checksums
# disagree; timing alone never fails the run.
# Environment: CHROMIUM_PATH (default /usr/bin/chromium), FIREFOX_PATH (default /usr/bin/firefox-esr);
# BENCH_SKIP_BUILD=1 reuses the current build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# --suite threads (anywhere in the arguments) picks the threads suite, run by its own Node.js driver.
suite=workloads
given=()
while (( $# > 0 )); do
  if [[ $1 == --suite ]]; then
    suite=${2:?--suite needs workloads or threads}
    shift 2
  else
    given+=("$1")
    shift
  fi
done
[[ $suite == workloads || $suite == threads ]] || { echo "bench.sh: unknown suite '$suite'" >&2; exit 2; }

# Absolute paths, because Maven runs the benchmark from the repository root.
args=()
for arg in "${given[@]}"; do
  if [[ ${#args[@]} -gt 0 && ( ${args[-1]} == --out || ${args[-1]} == --polyfill || ${args[-1]} == --profile ) ]]; then
    arg=$(realpath -m "$arg")
  fi
  args+=("$arg")
done

if [[ ${BENCH_SKIP_BUILD:-} != 1 ]]; then
  # The polyfill, the playground's StaticServer and the browser tests' SystemBrowsers (installed, so that the
  # benchmarks module resolves this checkout's), then the benchmark module itself: workloads, shim, drivers.
  mvn -q -B install -DskipTests -pl browser-tests -am
  mvn -q -B -f benchmarks/pom.xml package -DskipTests
fi
if [[ $suite == threads ]]; then
  [[ " ${args[*]} " == *" --out "* ]] || args+=(--out "$root/benchmarks/target")
  exec node --expose-gc --disable-warning=ExperimentalWarning benchmarks/target/classes/bench/threads/node-threads.mjs "${args[@]}"
fi
exec mvn -q -B -f benchmarks/pom.xml exec:java -Dbench.args="${args[*]:-}"
