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
# integrations: the pre-commit hook test runs the real pre-commit (try-repo against this repository)
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
# cluster (issue 17): the integration tests start a private redis-server on a free loopback port
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# report validators (SARIF multitool, CycloneDX library) come from npm: node and npm themselves from Debian if missing
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# The validators go into a cache folder (never global; MUSTER_NPM_TOOLS moves it), reinstalled when their pinned
# versions change. npm 11 does not run install scripts it was not told to trust, so the multitool's own
# "chmod u+x" postinstall is done here instead.
tools="${MUSTER_NPM_TOOLS:-$HOME/.cache/muster/npm-tools}"
manifest="$(dirname "$0")/npm-tools/package.json"
if ! cmp -s "$manifest" "$tools/installed.json"; then
  rm -rf "$tools/node_modules" "$tools/installed.json"
  mkdir -p "$tools"
  cp "$manifest" "$tools/package.json"
  (cd "$tools" && npm install --no-audit --no-fund --no-package-lock --ignore-scripts --loglevel=error)
  cp "$manifest" "$tools/installed.json"
fi
chmod u+x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
