#!/usr/bin/env bash
# Runs every check and every test: formatting, a warnings-as-errors build, then the xunit suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet restore Muster.slnx
dotnet format Muster.slnx --verify-no-changes --no-restore
dotnet build Muster.slnx --no-restore -c Release
dotnet test Muster.slnx --no-build -c Release --logger "console;verbosity=normal" 2>&1 | tee /tmp/muster-test.log
