#!/usr/bin/env bash
# The built web client's size (frontend/dist, scripts/build-web.sh): the first load, i.e. the main
# module the page loads before it shows anything (the shell, the sign-in form, the member list),
# and all the modules, the split ones being fetched when their screens are first opened. Each file
# is compressed alone with gzip -9, as a server would send it.
set -euo pipefail
cd "$(dirname "$0")/.."
main=$(ls frontend/dist/pkg-*/qldv-frontend_bg.wasm)
dir=$(dirname "$main")
gz() { gzip -9c "$1" | wc -c; }
raw=0 packed=0 count=0
for f in "$dir"/*.wasm; do
  raw=$((raw + $(stat -c %s "$f"))) packed=$((packed + $(gz "$f"))) count=$((count + 1))
done
js=0
for f in "$dir"/*.js; do js=$((js + $(gz "$f"))); done
echo "web client: first load $(stat -c %s "$main") bytes raw, $(gz "$main") bytes gzip -9;" \
  "all $count modules $raw bytes raw, $packed bytes gzip -9; JS $js bytes gzip -9"
