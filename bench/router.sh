#!/usr/bin/env bash
# Router benchmark: a trivial backend (nginx answering 200 "ok"), nginx as the equivalent
# reverse proxy (keep-alive to the backend) and Runway's gateway router in front of it, each
# driven by wrk at its maximum rate, then all three at one rate (half the slowest's maximum), $RUNS runs each; writes the figures to
# docs/benchmarks.md. Installs nginx and wrk (Debian packages) when missing.
# Usage: bench/router.sh [runs] [seconds per run]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
DURATION="${2:-10}"
BACKEND_PORT="${BENCH_BACKEND_PORT:-18080}"
NGINX_PORT="${BENCH_NGINX_PORT:-18081}"

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "installing nginx and wrk"
  # a stale package list fails the install once; refreshed, it passes
  apt-get install -y nginx wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y nginx wrk >/dev/null; }
fi

. "$ROOT/bench/lib.sh"
start_runway "$ROOT/.runway/bench-router"

NGINX_DIR="$RUNWAY_HOME/nginx"
mkdir -p "$NGINX_DIR/logs"
# One nginx process tree for both roles, as two servers: the backend and the proxy.
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 256; }
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    location / { default_type text/plain; return 200 "ok"; }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_buffering off;
    }
  }
}
CONF
nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
trap 'nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -s stop 2>/dev/null || true; kill -TERM $UP_PID 2>/dev/null; wait $UP_PID 2>/dev/null || true' EXIT

java -cp "$ROOT/bench/target/classes:$ROOT/bench/target/lib/*" dev.runway.bench.RouterBench \
  "127.0.0.1:${RUNWAY_KAFKA_PORT:-9092}" "${RUNWAY_ROUTER_PORT:-8080}" "$NGINX_PORT" "$BACKEND_PORT" \
  "$RUNWAY_HOME" "$RUNS" "$DURATION" "$ROOT/docs/benchmarks.md"
