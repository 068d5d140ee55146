#!/usr/bin/env bash
# Writes DEST/.mcp.json whole at run time: one MCP server that works (Muster itself: `dotnet Muster.Cli.dll mcp`, with
# the absolute path of the built CLI filled in), one that is broken (its program is not installed) and one with a
# literal, credential-shaped key in its headers (random each time; never committed). Set MUSTER_CLI_DLL to use
# another build of the CLI.
set -euo pipefail
dest="${1:?usage: mcp.sh DEST}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cli="${MUSTER_CLI_DLL:-}"
if [ -z "$cli" ]; then
  for c in Release Debug; do
    if [ -f "$repo/src/Muster.Cli/bin/$c/net10.0/Muster.Cli.dll" ]; then cli="$repo/src/Muster.Cli/bin/$c/net10.0/Muster.Cli.dll"; break; fi
  done
fi
# Not built yet: point at where the Release build will be (the server then fails to start, which the audit reports).
cli="${cli:-$repo/src/Muster.Cli/bin/Release/net10.0/Muster.Cli.dll}"
random() { (LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom 2>/dev/null || true) | head -c "$1"; }
key="sk-""proj-$(random 74)"
cat >"$dest/.mcp.json" <<JSON
{
  "mcpServers": {
    "muster": {
      "command": "dotnet",
      "args": ["$cli", "mcp"]
    },
    "unity-editor": {
      "command": "unity-mcp-server",
      "args": ["--project", "./game"],
      "env": { "UNITY_LICENSE_KEY": "\${UNITY_LICENSE_KEY}" }
    },
    "openai-assets": {
      "url": "http://127.0.0.1:9/mcp",
      "headers": { "Authorization": "Bearer $key" }
    }
  }
}
JSON
