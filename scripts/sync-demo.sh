#!/usr/bin/env bash
# Two installations exchanging signed sync packages with the command line:
#   the province's server (PROVINCE_DATABASE_URL, default a SQLite file) sets up a commune and
#   sends it the commune's subtree; the commune's own SQLite installation records a cell and
#   members, a meeting with its attendance and a month's dues, and sends its changes back (each side trusts the other's key for the commune's
#   subtree only); the province ends with identical records, a replayed
#   package changes nothing and a tampered one is refused.
#   scripts/sync-demo.sh PATH_TO_QLDV_BINARY [PROVINCE_DATABASE_URL]
set -euo pipefail

bin=$(realpath "${1:?path to the qldv binary}")
work=$(mktemp -d)
pids=()
# Each pid is the subshell running `at … serve`; the server is its child.
cleanup() {
  for p in "${pids[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

province_url=${2:-sqlite://$work/province/qldv.db}
commune_url="sqlite://$work/commune/qldv.db"
mkdir -p "$work/province" "$work/commune"
export QLDV_ADMIN_PASSWORD="sync-demo-password"

# Runs the binary as one installation: `at province …` or `at commune …`.
at() {
  local site=$1; shift
  local url=$province_url
  [ "$site" = commune ] && url=$commune_url
  QLDV_DATABASE_URL="$url" QLDV_SYNC_KEY_FILE="$work/$site/sync.key" \
    QLDV_JWT_SECRET_FILE="$work/$site/jwt.secret" QLDV_LOG=warn "$bin" "$@"
}

# Starts an installation's server and sets `base` to its URL (not a command substitution: the
# server's pid must reach `pids` in this shell for the cleanup to stop it).
start() {
  local site=$1 port
  port=$(free_port)
  QLDV_BIND="127.0.0.1:$port" at "$site" serve >"$work/$site/server.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  base="http://127.0.0.1:$port"
}

# api BASE METHOD PATH [JSON]: prints the response body.
api() {
  local token
  token=$(curl -fsS -X POST "$1/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$QLDV_ADMIN_PASSWORD\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  curl -fsS -X "$2" "$1/api/v1$3" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    ${4:+-d "$4"}
}
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }

at province migrate >/dev/null
at commune migrate >/dev/null
at commune sync init --id-block 1

start province
province=$base
start commune
commune=$base
p=$(api "$province" POST /organizations '{"name":"Tỉnh ủy Hòa Bình","kind":"province","parent_id":null}' | id_of)
c=$(api "$province" POST /organizations "{\"name\":\"Đảng ủy xã Tân Lạc\",\"kind\":\"commune\",\"parent_id\":$p}" | id_of)

echo "== the province sends the commune its subtree"
at province sync export --organization "$c" --since 0 --out "$work/to-commune.json"
at commune sync trust "$(at province sync key)" --name "Tỉnh ủy Hòa Bình" --organization "$c"
at commune sync import "$work/to-commune.json" >/dev/null

echo "== the commune records a cell and two members on its own server"
cell=$(api "$commune" POST /organizations "{\"name\":\"Chi bộ thôn Đồng Bãi\",\"kind\":\"cell\",\"parent_id\":$c}" | id_of)
a=$(api "$commune" POST /members "{\"organization_id\":$cell,\"full_name\":\"Nguyễn Văn An\",\"gender\":\"male\",
  \"birth_date\":\"1980-04-12\",\"national_id\":\"031080001001\",\"admission_decision_on\":\"2012-03-02\",
  \"ceremony_on\":\"2012-03-16\",\"status\":\"official\",\"official_on\":\"2013-03-16\"}" | id_of)
m=$(api "$commune" POST /members "{\"organization_id\":$cell,\"full_name\":\"Trần Thị Bình\",\"gender\":\"female\",
  \"birth_date\":\"1985-09-01\",\"national_id\":\"031185001002\",\"admission_decision_on\":\"2025-03-03\",
  \"ceremony_on\":\"2025-03-20\",\"status\":\"probationary\"}" | id_of)
api "$commune" PATCH "/members/$m" '{"phone":"0912345678"}' >/dev/null

echo "== the commune records a meeting and this month's dues"
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
month=${today:0:7}
mt=$(api "$commune" POST "/organizations/$cell/meetings" "{\"kind\":\"regular\",\"held_on\":\"$today\",
  \"agenda\":\"Sinh hoạt chi bộ thường kỳ\",\"attendance\":[{\"member_id\":$a,\"value\":\"present\"},
  {\"member_id\":$m,\"value\":\"excused\",\"reason\":\"Đi công tác\"}]}" | id_of)
api "$commune" PUT "/members/$a/dues-basis" \
  '{"from_on":"2026-01-01","category":"social_insurance_salary","base":8000000}' >/dev/null
api "$commune" PUT "/organizations/$cell/dues-sheet/$month" \
  "{\"paid_on\":\"$today\",\"payments\":[{\"member_id\":$a,\"amount\":80000,\"channel\":\"cash\"}]}" >/dev/null

echo "== the commune sends its changes up"
at commune sync export --organization "$c" --since 0 --out "$work/to-province.json"
at province sync trust "$(at commune sync key)" --name "Đảng ủy xã Tân Lạc" --organization "$c"
at province sync import "$work/to-province.json" | tee "$work/report.json"
python3 - "$work/report.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
# Three records (the cell, two members); the meeting, An's dues basis, the month's sheet (Bình
# has no entries to write: the province settles Bình's month itself).
assert r["applied"] == 6 and not r["conflicts"] and not r["already_applied"], r
EOF

echo "== the same records on both servers"
for path in "/organizations/$cell" "/members/$m" "/members/$m/events" "/members?organization_id=$c" \
  "/meetings/$mt" "/organizations/$cell/dues-sheet?month=$month" "/members/$a/dues?year=${month:0:4}"; do
  diff <(api "$province" GET "$path") <(api "$commune" GET "$path") >/dev/null \
    || { echo "differs: $path" >&2; exit 1; }
  echo "identical: GET $path"
done

echo "== a replayed package changes nothing; a tampered one is refused"
at province sync import "$work/to-province.json" 2>&1 >/dev/null | grep -q "đã áp dụng trước đây"
python3 - "$work/to-province.json" "$work/tampered.json" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
p["payload"] = p["payload"].replace("0912345678", "0999999999")
json.dump(p, open(sys.argv[2], "w"))
EOF
if at province sync import "$work/tampered.json" 2>"$work/tampered.err" >/dev/null; then
  echo "a tampered package was accepted" >&2; exit 1
fi
cat "$work/tampered.err"
grep -q sync_signature_invalid "$work/tampered.err"
echo "sync: package round trip, replay and tamper checks all fine"
