#!/usr/bin/env bash
# Installs what a fresh machine lacks for the test suite. Idempotent; quiet when everything is present.
set -euo pipefail
need=()
# (sections are added by features that need system packages)
# infra-state: a private dockerd, docker-compose v1 and a static busybox for the real-engine tests
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
# the test image is a folder holding busybox alone, so it must be the static build (ldd fails on static binaries)
if ! command -v busybox >/dev/null 2>&1 || ldd "$(command -v busybox)" >/dev/null 2>&1; then need+=(busybox-static); fi
# report.html browser test: headless Chromium driven by Playwright (never downloads its own browser)
if [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
# security: the attacker-repository test audits under strace (every exec and open is checked)
command -v strace >/dev/null 2>&1 || need+=(strace)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
