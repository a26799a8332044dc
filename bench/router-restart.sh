#!/usr/bin/env bash
# Router restart benchmark: starts Runway (its own state under .runway/bench-router-restart),
# sends 100 requests/s through the gateway and kills the router (SIGKILL) RUNS times, the
# supervisor starting it again; counts client errors and recovery time and writes the
# router-restart section of docs/reliability.md.
# Usage: bench/router-restart.sh [runs, default 10]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-10}"
. "$ROOT/bench/lib.sh"
export RUNWAY_MAX_RESTARTS=1000 # every kill is a restart; the supervisor must not give up on them

mkdir -p "$ROOT/.runway"
start_runway "$ROOT/.runway/bench-router-restart"
java -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" dev.runway.bench.RouterRestartBench \
  "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "${RUNWAY_ROUTER_PORT:-8080}" "$RUNWAY_HOME" "$RUNS" \
  "$ROOT/docs/reliability.md"
