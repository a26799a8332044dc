#!/usr/bin/env bash
# Fuzz figures: runs the parser and router fuzz tests (ParsersFuzzTest, RouterFuzzTest) with many
# more mutants than the suite's and writes the fuzz section of docs/reliability.md. A failure stops
# it with the input that escaped. Usage: bench/fuzz.sh [mutants per seed, default 20000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
INPUTS="${1:-20000}"
REPORT="$(mktemp)"
trap 'rm -f "$REPORT"' EXIT
./mvnw -q -B -DskipTests -Dspotless.check.skip=true install
./mvnw -q -B -Dspotless.check.skip=true verify -pl provisioner,gateway-router \
  -Dtest='ParsersFuzzTest,RouterFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Drunway.fuzz.inputs="$INPUTS" -Drunway.fuzz.report="$REPORT"
java -cp "$ROOT/bench/target/classes" dev.runway.bench.FuzzReport "$REPORT" "$INPUTS" \
  "$ROOT/docs/reliability.md"
