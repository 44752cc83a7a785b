#!/usr/bin/env bash
# A killed import leaves nothing half-done: starts `qldv import` of a large generated file against
# the database of a running server, kills it (SIGKILL) mid-way, checks that no member was written,
# then imports the same file to the end and checks that every row was created.
#   scripts/import-kill.sh QLDV_BINARY BASE_URL ACCESS_TOKEN   (run in the server's directory)
set -euo pipefail
bin=${1:?binary}; base=${2:?url}; token=${3:?token}
rows=${IMPORT_KILL_ROWS:-30000}
api() { curl -fsS -H "authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
org() { api -X POST "$base/api/v1/organizations" -d "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
province=$(org '{"name":"Tỉnh ủy Nhập Thử","kind":"province"}')
commune=$(org "{\"name\":\"Đảng ủy xã Nhập Thử\",\"kind\":\"commune\",\"parent_id\":$province}")
cell=$(org "{\"name\":\"Chi bộ Nhập Thử\",\"kind\":\"cell\",\"parent_id\":$commune}")
python3 - "$rows" >big.csv <<'PY'
import sys
n = int(sys.argv[1])
print("Họ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức")
for i in range(n):
    print(f"Đảng Viên Thử {i},Nam,15/01/1975,0360750{i:05d},07/03/2005,21/03/2005,21/03/2006")
PY
count() { api "$base/api/v1/members?organization_id=$cell&limit=1" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))'; }

"$bin" import big.csv --organization "$cell" >killed.out 2>killed.err &
ipid=$!
for _ in $(seq 1 600); do
  grep -qE '\] [0-9]{4,}/' killed.err 2>/dev/null && break
  kill -0 "$ipid" 2>/dev/null || break
  sleep 0.05
done
kill -0 "$ipid" 2>/dev/null || { echo "import ended before it could be killed; raise IMPORT_KILL_ROWS" >&2; cat killed.err >&2; exit 1; }
kill -KILL "$ipid"; wait "$ipid" 2>/dev/null || true
progress=$(tr '\r' '\n' <killed.err | grep -oE '[0-9]+/[0-9]+ dòng' | tail -n 1)
[ "$(count)" = 0 ] || { echo "a killed import left members behind" >&2; exit 1; }
echo "import-kill: killed at $progress; nothing written"

"$bin" import big.csv --organization "$cell" >done.out 2>done.err || { cat done.err done.out >&2; exit 1; }
grep -q "Tạo mới $rows, đã có (giữ nguyên) 0, lỗi 0" done.err || { cat done.err >&2; exit 1; }
tail -n 1 done.err
