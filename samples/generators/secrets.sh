#!/usr/bin/env bash
# Plants the seed's credential exposures in DEST: config/.env, Keys-api/*.txt and a credentials Markdown file.
# Values are generated here with a fixed seed: rule-valid shapes, random characters, never real credentials.
# Muster's repository holds only this script, never the values.
set -euo pipefail
dest="${1:?usage: secrets.sh DEST}"
RANDOM=20251227

alnum='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
b64url="${alnum}_-"
digits='0123456789'

# rand ALPHABET LENGTH: LENGTH characters drawn from ALPHABET with bash's seeded RANDOM.
rand() {
  local alphabet="$1" length="$2" out="" i
  for ((i = 0; i < length; i++)); do out+="${alphabet:RANDOM % ${#alphabet}:1}"; done
  printf '%s' "$out"
}

anthropic="sk-ant-api03-$(rand "$alnum" 93)AA"
openai="sk-proj-$(rand "$b64url" 74)T3BlbkFJ$(rand "$b64url" 74)"
youtube="AIza$(rand "$b64url" 35)"
db_password="$(rand "$alnum" 10)#$(rand "$digits" 2)!"
app_secret="$(rand "$alnum" 40)"
grafana_password="$(rand "$alnum" 8)%$(rand "$digits" 3)"

mkdir -p "$dest/config" "$dest/Keys-api"
cat > "$dest/config/.env" <<ENV
# Ziggie runtime configuration (sample: generated fake values, see samples/generators/secrets.sh)
NODE_ENV=production
API_PORT=8080
ANTHROPIC_API_KEY=$anthropic
OPENAI_API_KEY=$openai
ENV
printf '%s\n' "$anthropic" > "$dest/Keys-api/anthropic-api.txt"
printf '%s\n' "$openai" > "$dest/Keys-api/ziggie-openai-api.txt"
printf '%s\n' "$youtube" > "$dest/Keys-api/meowping-youtube-api.txt"
cat > "$dest/ZIGGIE_CLOUD_CREDENTIALS.md" <<MD
# Ziggie cloud credentials

Generated sample values (fake), planted to show why this file must not exist.

Database password: $db_password

| Service | Setting | Value |
|---------|---------|-------|
| Grafana | Admin password | $grafana_password |
| Backend | App secret | $app_secret |
MD
