#!/usr/bin/env bash
# Runs every check and every test: formatting, a warnings-as-errors build, then the whole xunit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Muster.slnx
dotnet format Muster.slnx --verify-no-changes --no-restore
dotnet build Muster.slnx --no-restore -c Release
log=$(mktemp)
set +e
dotnet test Muster.slnx --no-build -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
set -e
count() { { grep -Eo "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
exit "$code"
