#!/usr/bin/env bash
# `npm test`: every suite, in the order that fails fastest — unit, integration (real PostgreSQL, with
# the production build made beside it), then, against that build, end-to-end in Chromium and several
# app processes behind nginx.
# Each suite's duration is printed after it.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

suite() {
  local name="$1"
  shift
  echo "== $name"
  local started=$SECONDS
  "$@"
  echo "== $name: $((SECONDS - started)) s"
}

suite "Unit tests" npx vitest run --project unit

# The production build needs no database, and the integration suite spends much of its time waiting
# on PostgreSQL and timers: the build runs beside it (its output printed once the suite is done).
build_log="$(mktemp)"
build_started=$SECONDS
npx next build >"$build_log" 2>&1 &
build_pid=$!
trap 'kill "$build_pid" 2>/dev/null || true; rm -f "$build_log"' EXIT
suite "Integration tests (PostgreSQL)" npx vitest run --project integration
echo "== Production build (beside the integration tests)"
build_status=0
wait "$build_pid" || build_status=$?
cat "$build_log"
[ "$build_status" -eq 0 ] || exit "$build_status"
echo "== Production build: done $((SECONDS - build_started)) s after it started"
suite "End-to-end tests (Chromium)" npx playwright test
suite "Cluster tests (3 processes, nginx, PostgreSQL)" npx vitest run --project cluster
