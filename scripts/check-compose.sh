#!/usr/bin/env bash
# Validates docker-compose.yml with `docker compose config` (or Debian's docker-compose when the
# plugin is absent; neither needs a running Docker engine), then checks the Dockerfile and the
# compose file statically (scripts/check-deploy.py): the image builds the web client, runs as a
# user that is not root, and the server's database role is not a superuser.
set -euo pipefail
cd "$(dirname "$0")/.."
export QLDV_DB_PASSWORD=validation-only QLDV_DB_SUPERUSER_PASSWORD=validation-only QLDV_JWT_SECRET=validation-only-secret-of-32-bytes-min
if docker compose version >/dev/null 2>&1; then
  docker compose -f docker-compose.yml config -q
else
  if ! command -v docker-compose >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq docker-compose) >/dev/null
  fi
  docker-compose -f docker-compose.yml config -q
fi
echo "docker-compose.yml is valid"
python3 -c 'import yaml' 2>/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq python3-yaml) >/dev/null
}
python3 scripts/check-deploy.py
