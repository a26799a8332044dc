#!/usr/bin/env bash
# Chaos benchmark: starts Runway (its own state under .runway/bench-chaos), and for each scenario
# applies RUNS new revisions of a three-region service with a fault injected mid fan-out: a
# SIGKILL of each control-plane service, Kafka and PostgreSQL frozen with SIGSTOP, PostgreSQL
# stopped and started again 5 s and 30 s later (restart-postgres-<s>). Checks each
# deployment happened exactly once and writes the chaos section of docs/reliability.md.
# relay-<schema> halts that service between publishing an outbox batch and marking it sent.
# Usage: bench/chaos.sh [runs, default 10] [scenarios, comma-separated, default all] [section]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-10}"
SCENARIOS="${2:-kill-provisioner,kill-reconciler,kill-rollout-guard,kill-observability,freeze-kafka-30,freeze-postgres-5,freeze-postgres-30,restart-postgres-5,restart-postgres-30,relay-reconciler,relay-guard}"
. "$ROOT/bench/lib.sh"
CLASSPATH_BENCH="$ROOT/bench/target/classes:$ROOT/bench/target/lib/*"
export RUNWAY_MAX_RESTARTS=1000 # every kill is a restart; the supervisor must not give up on them
export RUNWAY_OUTBOX_CRASH_HOOK_DIR="$ROOT/.runway/bench-chaos/hooks" # for the relay-* scenarios

mkdir -p "$ROOT/.runway"
start_runway "$ROOT/.runway/bench-chaos"
java -cp "$CLASSPATH_BENCH" dev.runway.bench.ChaosBench \
  "http://127.0.0.1:${RUNWAY_PROVISIONER_PORT:-8081}" "http://127.0.0.1:${RUNWAY_RECONCILER_PORT:-8082}" \
  "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "$(cat "$RUNWAY_HOME/token")" "$RUNWAY_HOME" "$RUNS" "$SCENARIOS" \
  "$ROOT/docs/reliability.md" "${3:-chaos}"
