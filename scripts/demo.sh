#!/usr/bin/env bash
# Sets up the sample ecosystem and audits it: builds Muster, lays the sample out (generating its planted key files),
# runs `muster audit`, and leaves the reports in out/report. Exits with muster's exit code (1: a gate failed).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Muster.Cli -c Release -v quiet -nologo >/dev/null
./samples/setup.sh out/sample-ecosystem
args=(audit out/sample-ecosystem --output out/report)
[ -d samples/osv ] && args+=(--osv-db samples/osv)
set +e
dotnet src/Muster.Cli/bin/Release/net10.0/Muster.Cli.dll "${args[@]}" "$@"
code=$?
set -e
echo "reports: out/report (report.md, report.json, report.sarif, report.html); muster exit code: $code"
exit $code
