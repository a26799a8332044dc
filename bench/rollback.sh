#!/usr/bin/env bash
# Rollback benchmark: starts Runway (its own state under .runway/bench-rollback-<mode>), sends
# steady traffic through the gateway, deploys a revision failing 15% in us-east1 RUNS times and
# measures fault -> last request on it; then rolls out HEALTHY healthy revisions (3 canaries each)
# and counts false rollbacks. Twice: with the demo's SLO time scale (0.02, 20 requests a window)
# and with real-time windows (1, 100 requests a window). Writes docs/benchmarks.md.
# Usage: bench/rollback.sh [runs, default 10] [healthy rollouts, default 34]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-10}"
HEALTHY="${2:-34}"
. "$ROOT/bench/lib.sh"
CLASSPATH_BENCH="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"

measure() { # mode label time-scale min-requests healthy-rollouts
  export RUNWAY_SLO_TIME_SCALE="$3" RUNWAY_SLO_MIN_REQUESTS="$4"
  start_runway "$ROOT/.runway/bench-rollback-$1"
  local tally="$RUNWAY_HOME/traffic.json" out="$RUNWAY_HOME/bench.out"
  java -cp "$CLASSPATH_BENCH" dev.runway.bench.RollbackBench \
    "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "http://127.0.0.1:${RUNWAY_RECONCILER_PORT:-8082}" \
    "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "$(cat "$RUNWAY_HOME/token")" "$RUNS" "$5" "$tally" \
    "$2" "$ROOT/docs/benchmarks.md" "rollback-$1" | tee "$out" &
  with_traffic $! "$out" example-service "$tally"
}

mkdir -p "$ROOT/.runway"
(measure demo "demo time scale 0.02" 0.02 20 "$HEALTHY")
export RUNWAY_BENCH_BUILT=1
(measure realtime "real-time windows" 1 100 0)
