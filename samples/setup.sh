#!/usr/bin/env bash
# Lays out the sample ecosystem at DEST (default: out/sample-ecosystem) as its own git work tree, the way the seed's
# team had it. Files shaped like live credentials are generated here at run time, never committed to Muster.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-$here/../out/sample-ecosystem}"
rm -rf "$dest"
mkdir -p "$dest"
cp -a "$here/ecosystem/." "$dest/"
for gen in "$here"/generators/*.sh; do
  [ -e "$gen" ] && bash "$gen" "$dest"
done
(
  cd "$dest"
  git init -q
  git add -A
  git -c user.name=sample -c user.email=sample@example.invalid commit -qm "sample ecosystem" >/dev/null
)
echo "sample ecosystem ready: $(cd "$dest" && pwd)"
