#!/usr/bin/env bash
# Validates docker-compose.yml with `docker compose config` (or Debian's docker-compose when the
# plugin is absent; neither needs a running Docker engine).
set -euo pipefail
cd "$(dirname "$0")/.."
export QLDV_DB_PASSWORD=validation-only QLDV_JWT_SECRET=validation-only-secret-of-32-bytes-min
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
