#!/usr/bin/env bash
# `npm test`: every suite, in the order that fails fastest — unit, integration (real PostgreSQL),
# then end-to-end in Chromium against a production build.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."

echo "== Unit tests"
npx vitest run --project unit
echo "== Integration tests (PostgreSQL)"
npx vitest run --project integration
echo "== Production build"
npx next build
echo "== End-to-end tests (Chromium)"
npx playwright test
