#!/usr/bin/env bash
# Installs what a fresh machine lacks for the test suite. Idempotent; quiet when everything is present.
set -euo pipefail
need=()
# (sections are added by features that need system packages)
# report.html browser test: headless Chromium driven by Playwright (never downloads its own browser)
if [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
