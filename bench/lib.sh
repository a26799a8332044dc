# Shared by the benchmark scripts: start Runway with its own state and wait until it is up.
# Usage: start_runway <state-dir>; stops it again when the calling script exits.
start_runway() {
  export RUNWAY_HOME="$1"
  rm -rf "$RUNWAY_HOME"
  mkdir -p "$RUNWAY_HOME"
  [ -n "${RUNWAY_BENCH_BUILT:-}" ] || ./mvnw -q -B -DskipTests -Dspotless.check.skip=true install
  export RUNWAY_BENCH_BUILT=1
  ./runway up >"$RUNWAY_HOME.up.log" 2>&1 &
  UP_PID=$!
  trap 'kill -TERM $UP_PID 2>/dev/null; wait $UP_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    grep -q "Runway is up" "$RUNWAY_HOME.up.log" && return 0
    kill -0 $UP_PID 2>/dev/null || { cat "$RUNWAY_HOME.up.log"; exit 1; }
    sleep 0.5
  done
  echo "Runway did not start; see $RUNWAY_HOME.up.log"
  exit 1
}

# Once the bench (pid $1, its output in $2) prints "READY for traffic", sends 20 requests/s from a
# client near each of three regions to service $3 in staging through the gateway, tallied in $4,
# until the bench exits; returns the bench's status.
with_traffic() {
  local bench=$1 out=$2 service=$3 tally=$4
  until grep -q "READY for traffic" "$out" 2>/dev/null; do
    kill -0 "$bench" 2>/dev/null || { wait "$bench"; return 1; }
    sleep 0.5
  done
  ./runway traffic --gateway "http://127.0.0.1:${RUNWAY_ROUTER_PORT:-8080}" \
    --host "$service.staging.runway.localhost" --client-regions europe-west4,us-central1,us-west2 \
    --rate 20 --duration PT6H --out "$tally" >"$RUNWAY_HOME/traffic.log" 2>&1 &
  local traffic=$! status=0
  wait "$bench" || status=$? # the traffic stops whether or not the bench succeeded
  kill -TERM $traffic 2>/dev/null || true
  return $status
}

# Starts one more replica of every control-plane service beside the platform start_runway started
# (./runway replica, on ports from 18091), returns once each is up, and stops them with the
# platform when the calling script exits. The faults then hit the supervisor's replica of each.
start_replicas() {
  REPLICA_PIDS=""
  local port=18091 service
  for service in provisioner reconciler observability rollout-guard; do
    ./runway replica "$service" --port $port >"$RUNWAY_HOME.replica-$service.log" 2>&1 &
    REPLICA_PIDS="$REPLICA_PIDS $!"
    port=$((port + 1))
  done
  trap 'kill -TERM $REPLICA_PIDS $UP_PID 2>/dev/null; wait $REPLICA_PIDS $UP_PID 2>/dev/null || true' EXIT
  for service in provisioner reconciler observability rollout-guard; do
    for _ in $(seq 1 360); do
      grep -q "is up on" "$RUNWAY_HOME.replica-$service.log" && continue 2
      sleep 0.5
    done
    echo "The $service replica did not start; see $RUNWAY_HOME.replica-$service.log"
    exit 1
  done
}
