#!/usr/bin/env bash
# Installs the Debian packages cohortcheck needs when they are missing (apt-get, as root):
#   fonts-liberation  the one font PNG charts are rendered with (src/charts/render-png.ts loads its files
#                     directly, so a PNG never depends on whatever other fonts a machine has)
#   chromium          only with --browser: the notebook's browser test (it never skips)
# Both README commands call this, so a fresh machine needs nothing installed by hand.
set -euo pipefail
need=()
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || need+=(fonts-liberation)
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "cohortcheck needs the Debian packages: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]} (apt-get)" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
