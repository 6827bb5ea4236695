#!/usr/bin/env bash
# Installs what the build and the browser tests need on a bare Debian machine (run as root,
# as CI does). Safe to run again: it installs only what is missing.
#   scripts/install-test-tools.sh          Chromium and fonts (printable leaflets), plus a Java
#                                          runtime, Node.js and the npm packages axe-core and
#                                          vnu-jar (the accessibility and HTML tests)
#   scripts/install-test-tools.sh --site   only what building the site needs
set -euo pipefail
cd "$(dirname "$0")/.."
site_only=false
[ "${1:-}" = "--site" ] && site_only=true

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
if ! $site_only; then
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi
# Noto covers the scripts the site's languages use, so pages render and print correctly.
dpkg -s fonts-noto-core >/dev/null 2>&1 || packages+=(fonts-noto-core)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing with apt-get (a few minutes the first time): ${packages[*]}"
  # apt's own progress goes to a log, shown only if something fails.
  log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "apt-get could not install ${packages[*]} (its messages are above)." >&2
    exit 1
  fi
  rm -f "$log"
fi

$site_only && exit 0

# --ignore-scripts: vnu-jar would otherwise try to download a Java runtime of its own.
if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  echo "Installing axe-core and vnu-jar from npm"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch node_modules/.installed
fi
