#!/usr/bin/env bash
# `npm test`: every suite, in the order that fails fastest — unit, integration (real PostgreSQL),
# then, against a production build, end-to-end in Chromium and several app processes behind nginx.
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
suite "Integration tests (PostgreSQL)" npx vitest run --project integration
# .ci/run has type-checked the whole tree already: the build does not do it a second time there.
if [ "${CI:-}" = "true" ]; then export NEXT_BUILD_SKIP_TYPECHECK=1; fi
suite "Production build" npm run build
suite "End-to-end tests (Chromium)" npx playwright test
suite "Cluster tests (3 processes, nginx, PostgreSQL)" npx vitest run --project cluster
