#!/usr/bin/env bash
# First render of the web client: time from navigation to the member list rendered with 50 rows in
# headless Chromium on loopback, median of RUNS, against an anchor measured in the same run (the
# same 50 rows as a static HTML page with the same stylesheet, from the same server). Also prints
# the size of the wasm. Results go in docs/benchmarks.md by hand; nothing here is asserted.
#   scripts/bench_web.sh [QLDV_BINARY] [RUNS] [MEMBERS]
# QLDV_BINARY defaults to target/debug/qldv (built here); a release server answers the list faster.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${1:-target/debug/qldv}
runs=${2:-15}
members=${3:-2000}
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac

scripts/build-web.sh
[ "$bin" = "$root/target/debug/qldv" ] && cargo build -q -p qldv --locked
(cd tests/e2e && npm ci --no-audit --no-fund --silent)
scripts/web-size.sh

static=$(mktemp -d /tmp/qldv-bench-web-static.XXXXXX)
cp -r frontend/dist/. "$static/"
export QLDV_STATIC_DIR="$static"
# shellcheck source=scripts/seeded-server.sh
source scripts/seeded-server.sh
seeded_server bench-web "$bin" "$members" 21
trap 'rm -rf "$static"; _seeded_server_cleanup' EXIT
echo "server: $engine, $members members, $base"

# The anchor: the page the client renders, written out as plain HTML.
python3 - "$base" "$QLDV_ADMIN_PASSWORD" "$static" <<'EOF'
import glob, html, json, os, sys, urllib.request
base, password, static = sys.argv[1:]
def call(path, body=None, token=None):
    req = urllib.request.Request(base + "/api/v1" + path, data=json.dumps(body).encode() if body else None,
                                 headers={"content-type": "application/json",
                                          **({"authorization": "Bearer " + token} if token else {})})
    return json.load(urllib.request.urlopen(req))
token = call("/auth/login", {"username": "admin", "password": password})["access_token"]
items = call("/members?sort=name&limit=50", token=token)["items"]
css = os.path.basename(glob.glob(os.path.join(static, "*.css"))[0])
rows = "".join(
    "<tr><td><a href=\"/members/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
        m["id"], html.escape(m.get("full_name") or ""), "/".join(reversed((m.get("birth_date") or "").split("-"))), m.get("status") or "",
        m.get("party_age_years") or "—", html.escape(m.get("card_number") or "—"))
    for m in items)
page = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đảng viên</title>
<link rel="stylesheet" href="/{css}"></head><body><main><h1>Đảng viên</h1>
<table class="members"><thead><tr><th>Họ và tên</th><th>Ngày sinh</th><th>Trạng thái</th>
<th>Tuổi đảng</th><th>Số thẻ</th></tr></thead><tbody>{rows}</tbody></table></main></body></html>"""
open(os.path.join(static, "anchor.html"), "w").write(page)
print(f"anchor: {len(items)} rows, {len(page)} bytes")
EOF

cd "$root/tests/e2e"
BASE_URL="$base" ADMIN_PASSWORD="$QLDV_ADMIN_PASSWORD" RUNS="$runs" node bench-first-render.mjs /anchor.html
