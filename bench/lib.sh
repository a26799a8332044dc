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
