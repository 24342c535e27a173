#!/usr/bin/env bash
# The one test command (README: `npm ci && npm test`; .ci/run runs exactly this).
# Installs what the suite needs and is missing (Debian's chromium, via
# scripts/ensure-system-deps.sh),
# builds dist/ (so `node bin/cohort.js` below runs fresh compiled code), type-checks, validates and audits the seed data, runs the vitest suite, and prints a plain
# "N passed, N failed" closing line.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh --browser || exit 1

status=0
echo "== build (dist/, incremental)"; node scripts/build.mjs || status=1
echo "== typecheck"; npx tsc --noEmit || status=1
echo "== validate data files"; node bin/cohort.js validate data/studies/*.json data/instruments/*.json data/checklists/*.json data/claims/*.json || status=1
echo "== provenance audit against data/sources"; node bin/cohort.js audit-sources data/studies/*.json data/checklists/*.json data/claims/*.json || status=1

mkdir -p .tmp
echo "== vitest"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1
node scripts/test-summary.mjs .tmp/vitest.json || status=1
exit $status
