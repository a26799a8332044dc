#!/usr/bin/env bash
# Provisioning benchmark: starts Runway (its own state under .runway/bench), measures Kafka's
# own end-to-end latency on the same broker (EndToEndLatency, 3 runs), then provisions
# $SERVICES services per mode through the API ($ROUNDS rounds), and writes the medians to
# docs/benchmarks.md. Usage: bench/provisioning.sh [services] [rounds]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SERVICES="${1:-1000}"
ROUNDS="${2:-3}"
. "$ROOT/bench/lib.sh"
start_runway "$ROOT/.runway/bench"

KAFKA="127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}"
INFRA_CP="$ROOT/local-infra/target/lib/*"
p50s=(); p99s=()
for run in 1 2 3; do
  out="$(java -cp "$INFRA_CP" org.apache.kafka.tools.EndToEndLatency "$KAFKA" bench-e2e-latency 1000 all 512 2>/dev/null | grep Percentiles)"
  echo "Kafka EndToEndLatency run $run: $out"
  p50s+=("$(sed -E 's/.*50th = ([0-9]+).*/\1/' <<<"$out")")
  p99s+=("$(sed -E 's/.*99th = ([0-9]+), 99.9th.*/\1/' <<<"$out")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

java -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" dev.runway.bench.ProvisioningBench \
  "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "$KAFKA" "$(cat "$RUNWAY_HOME/token")" \
  "$SERVICES" "$ROUNDS" "$(median "${p50s[@]}")" "$(median "${p99s[@]}")" "$ROOT/docs/benchmarks.md"
