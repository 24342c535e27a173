#!/usr/bin/env bash
# The one test command (README: `npm ci && npm test`; .ci/run runs exactly this).
# Installs what the suite needs and is missing (Debian's chromium for the notebook browser test),
# type-checks, validates and audits the seed data, runs the vitest suite, and prints a plain
# "N passed, N failed" closing line.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test: installing Debian chromium for the browser test (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || { echo "test: could not install chromium" >&2; exit 1; }
  else
    echo "test: /usr/bin/chromium is missing; install it with 'sudo apt-get install -y chromium' (the browser test never skips)" >&2
    exit 1
  fi
fi

status=0
echo "== typecheck"; npx tsc --noEmit || status=1
echo "== validate data files"; node bin/cohort.js validate data/studies/*.json data/instruments/*.json data/checklists/*.json data/claims/*.json || status=1
echo "== provenance audit against ../shared/sources"; node bin/cohort.js audit-sources --sources ../shared/sources data/studies/*.json data/checklists/*.json data/claims/*.json || status=1

mkdir -p .tmp
echo "== vitest"
TZ=UTC npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || status=1
node scripts/test-summary.mjs .tmp/vitest.json || status=1
exit $status
