#!/bin/sh
# Emits SARIF 2.1.0 on stdout for the workspace in the current folder (Muster runs commands in the audited root):
#  - muster-sample/env-file: a .env file (not .env.example) sits in the tree: plaintext settings, often secrets;
#  - muster-sample/status-claim: a Markdown line claims "N/M containers|services running|up|healthy", a claim that
#    only a live check can back.
# A small stand-in for a real scanner: any tool that writes SARIF plugs into Muster the same way.
set -eu

json_escape() {
  # backslashes first, then quotes; tabs become spaces; control characters are dropped
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/ /g' | tr -d '\000-\037'
}

entries="$(mktemp "${TMPDIR:-/tmp}/muster-sarif.XXXXXX")"
trap 'rm -f "$entries"' EXIT

add_result() { # rule level path line message snippet
  printf '{"ruleId":"%s","level":"%s","message":{"text":"%s"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"%s"},"region":{"startLine":%s,"snippet":{"text":"%s"}}}}]}\n' \
    "$1" "$2" "$(json_escape "$5")" "$(json_escape "$3")" "$4" "$(json_escape "$6")" >> "$entries"
}

find . \( -name .git -o -name node_modules -o -name .venv -o -name venv \) -prune -o -type f -name '.env*' \
  ! -name '*.example' ! -name '*.sample' ! -name '*.template' -print | sort | while IFS= read -r f; do
  path="${f#./}"
  add_result "muster-sample/env-file" "warning" "$path" 1 "Plaintext environment file in the workspace: $path" "$(basename "$path")"
done

pattern='[0-9]+ ?/ ?[0-9]+ (containers?|services?|agents?)[^.]*(running|up|healthy|online)'
find . \( -name .git -o -name node_modules -o -name .venv -o -name venv \) -prune -o -type f -name '*.md' -print | sort | while IFS= read -r f; do
  path="${f#./}"
  { grep -n -i -E "$pattern" "$f" 2>/dev/null || true; } | while IFS= read -r hit; do
    add_result "muster-sample/status-claim" "note" "$path" "${hit%%:*}" "Status claim needs a live check to be believed" "${hit#*:}"
  done
done

results="$(paste -sd, "$entries")"

cat <<SARIF
{
  "\$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "muster-sample-claims", "informationUri": "https://example.invalid/muster-sample",
      "rules": [
        {"id": "muster-sample/env-file", "shortDescription": {"text": "Plaintext .env file"},
         "help": {"text": "Move secrets to a secret store and keep only .env.example in the tree."},
         "properties": {"security-severity": "7.5"}},
        {"id": "muster-sample/status-claim", "shortDescription": {"text": "Unverified status claim"},
         "help": {"text": "Replace the claim with the output of a health check, or mark it unverified."}}
      ]}},
    "results": [$results]
  }]
}
SARIF
