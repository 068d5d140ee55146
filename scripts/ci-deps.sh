#!/usr/bin/env bash
# Installs what a fresh machine lacks for the test suite. Idempotent; quiet when everything is present.
set -euo pipefail
need=()
# (sections are added by features that need system packages)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
