#!/usr/bin/env bash
# Load test on loopback: C concurrent clients (wrk connections) of mixed reads and writes for D
# seconds against the real server over a seeded database. Zero errors required: no socket error,
# no timeout, no status other than 2xx. Prints requests/s, the latency percentiles and the
# server's peak resident memory; afterwards `qldv check` and `qldv audit verify` must pass.
#   scripts/load.sh QLDV_BINARY [SECONDS] [CONNECTIONS] [POSTGRES_URL]
# Defaults: 20 s, 1000 connections, SQLite. The ten-minute run of docs/benchmarks.md:
#   scripts/load.sh /tmp/rel-target/release/qldv 600 1000 postgres://...
# The mix: 35 % a cell's member list (50 per page), 25 % one member, 15 % a name search without
# diacritics, 10 % an organisation and its alerts, 15 % creating a member (a write with its audit
# entry, change-feed entry and membership period).
set -euo pipefail
bin=$(realpath "${1:?path to the qldv binary}")
seconds=${2:-20}
conns=${3:-1000}
pg=${4:-}
members=${LOAD_MEMBERS:-20000}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

source "$(dirname "$0")/seeded-server.sh"
seeded_server load "$bin" "$members" 11 "$pg"

# The cells and members the clients pick from, and the script wrk runs.
python3 - "$base" "$QLDV_ADMIN_PASSWORD" >mix.lua <<'PY'
import json, sys, urllib.request
base, password = sys.argv[1], sys.argv[2]
def call(path, body=None, token=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode() if body else None,
                                 headers={"content-type": "application/json",
                                          **({"authorization": "Bearer " + token} if token else {})})
    return json.load(urllib.request.urlopen(req))
token = call("/api/v1/auth/login", {"username": "admin", "password": password})["access_token"]
cells, members, cursor = [], [], ""
provinces = [o["id"] for o in call("/api/v1/organizations?limit=500", token=token)["items"]]
for p in provinces[:3]:
    for o in call(f"/api/v1/organizations/{p}/subtree?limit=500", token=token)["items"]:
        if o["kind"] == "cell":
            cells.append(o["id"])
while len(members) < 2000:
    page = call(f"/api/v1/members?limit=500&cursor={cursor}", token=token)
    members += [m["id"] for m in page["items"] if m["status"] in ("official", "probationary")]
    cursor = page.get("next_cursor")
    if not cursor:
        break
names = ["nguyen van", "tran thi", "le van hung", "pham thi lan", "hoang", "vu van nam",
         "dang thi", "bui van", "do thi hoa", "ngo van"]
print(f'local token = "{token}"')
print("local cells = {" + ",".join(map(str, cells[:400])) + "}")
print("local members = {" + ",".join(map(str, members)) + "}")
print("local names = {" + ",".join(f'"{n.replace(" ", "+")}"' for n in names) + "}")
PY
cat >>mix.lua <<'LUA'
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
local tid, seq = 0, 0
function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 1
  math.randomseed(os.time() * 97 + tid)
end
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
-- Browsers, like most HTTP clients, accept compressed answers.
wrk.headers["Accept-Encoding"] = "gzip"
local function pick(t) return t[math.random(#t)] end
last_error = ""
response = function(status, headers, body)
  if status >= 300 then
    last_error = status .. " " .. string.sub(body or "", 1, 300)
  end
end
request = function()
  local r = math.random(100)
  if r <= 35 then
    return wrk.format("GET", "/api/v1/members?organization_id=" .. pick(cells) .. "&limit=50")
  elseif r <= 60 then
    return wrk.format("GET", "/api/v1/members/" .. pick(members))
  elseif r <= 75 then
    return wrk.format("GET", "/api/v1/members?q=" .. pick(names) .. "&limit=20")
  elseif r <= 80 then
    return wrk.format("GET", "/api/v1/organizations/" .. pick(cells))
  elseif r <= 85 then
    return wrk.format("GET", "/api/v1/alerts?organization_id=" .. pick(cells))
  end
  seq = seq + 1
  -- A CCCD of a man born in 19yy (yy = 85 + thread), unique per thread and request.
  local yy = 85 + tid
  local cccd = string.format("001%d%02d%06d", 0, yy, 900000 + seq)
  local body = string.format(
    '{"organization_id":%d,"full_name":"Đảng Viên Tải %d %d","gender":"male","birth_date":"19%02d-05-10",' ..
    '"national_id":"%s","admission_decision_on":"2025-03-03","admission_decision_no":"1-QĐ/ĐU",' ..
    '"ceremony_on":"2025-03-20","status":"probationary"}', pick(cells), tid, seq, yy, cccd)
  return wrk.format("POST", "/api/v1/members", nil, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.0f non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  for _, t in ipairs(threads) do
    local e = t:get("last_error")
    if e and e ~= "" then io.write("LAST_ERROR " .. e .. "\n") end
  end
end
LUA

# Peak resident memory of the server while the clients run.
( peak=0; while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || echo 0)
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss && echo "$peak" >rss.peak
    sleep 0.5
  done ) &
sampler=$!
threads=$(( $(nproc) > 1 ? 2 : 1 ))
wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 30s -s mix.lua "$base" >wrk.txt 2>&1 || true
kill "$sampler" 2>/dev/null || true
kill -0 "$pid" 2>/dev/null || { echo "the server died under load" >&2; tail -50 server.log >&2; exit 1; }
result=$(grep '^RESULT' wrk.txt || { cat wrk.txt >&2; exit 1; })
peak_kb=$(cat rss.peak 2>/dev/null || echo 0)
echo "load ($engine, $members seeded members, $conns connections, ${seconds}s): ${result#RESULT } peak_rss_mb=$((peak_kb / 1024))"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
"$bin" check >/dev/null || { echo "qldv check failed after the load" >&2; "$bin" check >&2; exit 1; }
"$bin" audit verify >/dev/null 2>&1 || { echo "audit verify failed after the load" >&2; exit 1; }
for k in non2xx connect read write timeout; do
  v=$(echo "$result" | grep -oE "$k=[0-9]+" | cut -d= -f2)
  [ "$v" = 0 ] || { echo "load: $k=$v errors" >&2; grep -a '^LAST_ERROR' wrk.txt >&2; grep -iE "error|panic" server.log | head -20 >&2; exit 1; }
done
