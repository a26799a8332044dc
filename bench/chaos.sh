#!/usr/bin/env bash
# Chaos benchmark: starts Runway (its own state under .runway/bench-chaos) with clients sending 20
# requests/s near each region through the gateway, and for each scenario applies RUNS new revisions
# of a three-region service with a fault injected mid fan-out, or (rollout-<fault>) mid guarded
# rollout: a SIGKILL of each control-plane service, Kafka and PostgreSQL frozen with SIGSTOP,
# PostgreSQL stopped and started again 5 s and 30 s later (restart-postgres-<s>); relay-<schema>
# halts that service between publishing an outbox batch and marking it sent; none is the baseline.
# Checks each deployment or rollout happened exactly once, counts the clients' errors, and writes a
# section of docs/reliability.md (default: chaos). With RUNWAY_CHAOS_REPLICAS=1 a second replica of
# every control-plane service runs beside the first, which the faults hit.
# Usage: bench/chaos.sh [runs, default 10] [scenarios, comma-separated, default all] [section]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-10}"
SCENARIOS="${2:-none,kill-provisioner,kill-reconciler,kill-rollout-guard,kill-observability,freeze-kafka-30,freeze-postgres-5,freeze-postgres-30,restart-postgres-5,restart-postgres-30,relay-reconciler,relay-guard,rollout-none,rollout-kill-provisioner,rollout-kill-reconciler,rollout-kill-rollout-guard,rollout-kill-observability}"
. "$ROOT/bench/lib.sh"
CLASSPATH_BENCH="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"
export RUNWAY_MAX_RESTARTS=1000 # every kill is a restart; the supervisor must not give up on them
export RUNWAY_OUTBOX_CRASH_HOOK_DIR="$ROOT/.runway/bench-chaos/hooks" # for the relay-* scenarios
# the demo's SLO scale, so a guarded rollout's steps are judged in seconds (as bench/rollback.sh)
export RUNWAY_SLO_TIME_SCALE=0.02 RUNWAY_SLO_MIN_REQUESTS=20

mkdir -p "$ROOT/.runway"
start_runway "$ROOT/.runway/bench-chaos"
[ "${RUNWAY_CHAOS_REPLICAS:-0}" = 0 ] || start_replicas
OUT="$RUNWAY_HOME/bench.out"
java -cp "$CLASSPATH_BENCH" dev.runway.bench.ChaosBench \
  "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "http://127.0.0.1:${RUNWAY_RECONCILER_PORT:-8082}" \
  "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "$(cat "$RUNWAY_HOME/token")" "$RUNWAY_HOME" "$RUNS" "$SCENARIOS" \
  "$ROOT/docs/reliability.md" "${3:-chaos}" > >(tee "$OUT") &
with_traffic $! "$OUT" chaos-service "$RUNWAY_HOME/traffic.json"
