#!/usr/bin/env bash
# Fan-out benchmark: starts Runway (its own state under .runway/bench-fanout), deploys a
# service to 1, 3, 6 and 10 regions on the local runtime ($RUNS runs each) and writes
# t(N)/t(1) next to the serial time to docs/benchmarks.md. Usage: bench/fanout.sh [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
. "$ROOT/bench/lib.sh"
start_runway "$ROOT/.runway/bench-fanout"

java -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" dev.runway.bench.FanOutBench \
  "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "http://127.0.0.1:${RUNWAY_RECONCILER_PORT:-8082}" \
  "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "$(cat "$RUNWAY_HOME/token")" "$RUNS" "$ROOT/docs/benchmarks.md"
