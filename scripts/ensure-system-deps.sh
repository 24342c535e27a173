#!/usr/bin/env bash
# Installs the Debian packages cohortcheck's tests need when they are missing (apt-get, as root):
#   chromium  only with --browser: the notebook's browser test (it never skips)
# PNG charts need no system package: their font (Arimo) comes from the npm package
# @expo-google-fonts/arimo (src/charts/png-options.ts). `npm test` calls this, so a fresh machine
# needs nothing installed by hand.
set -euo pipefail
need=()
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "cohortcheck needs the Debian packages: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]} (apt-get)" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
