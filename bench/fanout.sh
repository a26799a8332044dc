#!/usr/bin/env bash
# Fan-out benchmark: starts Runway (its own state under .runway/bench-fanout), deploys a
# service to 1, 3, 6 and 10 regions ($RUNS runs each) on the local runtime, then again on the
# Cloud Run runtime against the Cloud Run fake (each operation FAKE_OPERATION_MS long), and
# writes t(N)/t(1) next to the serial time to docs/benchmarks.md.
# Usage: bench/fanout.sh [runs] [runtimes, default "local cloudrun"]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
RUNTIMES="${2:-local cloudrun}"
export FAKE_OPERATION_MS="${FAKE_OPERATION_MS:-2000}"
. "$ROOT/bench/lib.sh"
CLASSPATH_BENCH="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"

measure() {
  local runtime="$1"
  if [ "$runtime" = cloudrun ]; then
    local port="${FAKE_CLOUD_RUN_PORT:-50051}"
    ./mvnw -q -B dependency:build-classpath -pl test-support -Dmdep.outputFile="$ROOT/.runway/fake-cloudrun.classpath"
    java -cp "$ROOT/test-support/target/classes:$(cat "$ROOT/.runway/fake-cloudrun.classpath")" \
      dev.runway.testing.cloudrun.FakeCloudRun "$port" "$FAKE_OPERATION_MS" \
      >"$ROOT/.runway/bench-fake-cloudrun.log" 2>&1 &
    FAKE_PID=$!
    export RUNWAY_RECONCILER_RUNTIME=cloudrun RUNWAY_RECONCILER_CLOUD_RUN_PROJECT=runway-bench \
      RUNWAY_RECONCILER_CLOUD_RUN_ENDPOINT="127.0.0.1:$port" RUNWAY_RECONCILER_CLOUD_RUN_PLAINTEXT=true \
      RUNWAY_RECONCILER_CLOUD_RUN_POLL_INTERVAL=100ms
  fi
  start_runway "$ROOT/.runway/bench-fanout-$runtime"
  [ -z "${FAKE_PID:-}" ] || trap 'kill $FAKE_PID 2>/dev/null; kill -TERM $UP_PID 2>/dev/null; wait $UP_PID 2>/dev/null || true' EXIT
  java -cp "$CLASSPATH_BENCH" dev.runway.bench.FanOutBench \
    "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "http://127.0.0.1:${RUNWAY_RECONCILER_PORT:-8082}" \
    "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "$(cat "$RUNWAY_HOME/token")" "$RUNS" "$ROOT/docs/benchmarks.md" "$runtime"
}

mkdir -p "$ROOT/.runway"
for runtime in $RUNTIMES; do
  (measure "$runtime")
  export RUNWAY_BENCH_BUILT=1
done
