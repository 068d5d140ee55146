#!/usr/bin/env bash
# One-command deployment of the Hostinger VPS stack.
# Usage: ./deploy.sh [--skip-docker]
set -e

STACK_DIR=/opt/ziggie
COMPOSE_FILE="$STACK_DIR/docker-compose.yml"
DOMAIN="${DOMAIN:-ziggie.example.com}"

log() { echo "[deploy] $*"; }

if [ "${1:-}" != "--skip-docker" ] && ! command -v docker >/dev/null 2>&1; then
    log "Installing Docker..."
    curl -fsSL https://get.docker.com | sh
    usermod -aG docker "$USER"
fi

log "Preparing $STACK_DIR"
mkdir -p "$STACK_DIR"/{data,logs,backups}
cp docker-compose.yml nginx.conf "$STACK_DIR/"
if [ ! -f "$STACK_DIR/.env" ]; then
    cp .env.example "$STACK_DIR/.env"
    log "Created $STACK_DIR/.env from .env.example - fill in the values and re-run"
    exit 1
fi

log "Pulling images"
docker compose -f "$COMPOSE_FILE" --env-file "$STACK_DIR/.env" pull

log "Starting services"
docker compose -f "$COMPOSE_FILE" --env-file "$STACK_DIR/.env" up -d --remove-orphans

log "Waiting for the API"
for i in $(seq 1 30); do
    # the certificate is self-signed until certbot has run
    if curl -k -fsS "https://$DOMAIN/health" >/dev/null; then
        log "API is up"
        break
    fi
    sleep 2
done

log "Containers:"
docker compose -f "$COMPOSE_FILE" ps
