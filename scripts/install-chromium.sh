#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests, unless a chromium is already there.
# Needs root or password-less sudo; otherwise says what to run and exits 0 (the browser
# tests then skip with that reason, except in CI, where STANCEGRAPH_REQUIRE_BROWSER=1).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "note: browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
