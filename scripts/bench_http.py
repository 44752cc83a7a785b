#!/usr/bin/env python3
"""HTTP benchmarks on loopback, each against its anchor measured in the same run, over a database
seeded by `qldv seed` (a SQLite file, read only):

  1. one cell's members, 50 per page, requests/s: QLĐV vs datasette serving the same file with
     the equivalent SQL (same rows, same order, every column);
  2. name search without diacritics, p50 latency: QLĐV's `GET /members?q=` vs the same query in
     raw SQL on the folded column (Python's sqlite3 in process, no HTTP at all);
  3. the server's peak resident memory under 1,000 concurrent connections of the cell list.

    python3 scripts/bench_http.py QLDV_BINARY SQLITE_FILE [SECONDS]

Needs wrk (Debian) and datasette (PyPI); prints one Markdown table."""

import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

QUERIES = ["nguyen van hung", "tran thi lan", "le duc thang", "pham thi hong nhung",
           "hoang van nam", "vu thi thu huong", "dang van tuan", "bui thi mai"]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def wait(url):
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not come up")


def wrk(url, lua, seconds, conns, threads=2):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{conns}", f"-d{seconds}s", "--timeout", "30s",
                          "--latency", "-s", lua, url], capture_output=True, text=True).stdout
    line = next((l for l in out.splitlines() if l.startswith("RESULT")), None)
    if not line:
        raise SystemExit("wrk gave no result:\n" + out)
    return dict(kv.split("=") for kv in line.split()[1:])


LUA_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f errors=%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def lua_file(body):
    f = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    f.write(body + LUA_DONE)
    f.close()
    return f.name


def print_table(title, rows):
    """The results as one Markdown table under a line saying what was measured."""
    print(f"\n{title}\n")
    print("| benchmark | QLĐV | anchor | ratio | goal | errors |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


def search_p50(base, token, seconds):
    """wrk over one connection: the name searches of QUERIES through the API."""
    qs = "{" + ",".join('"' + q.replace(" ", "+") + '"' for q in QUERIES) + "}"
    search = lua_file(f"""
local qs = {qs}
wrk.headers["Authorization"] = "Bearer {token}"
request = function()
  return wrk.format("GET", "/api/v1/members?limit=50&q=" .. qs[math.random(#qs)])
end""")
    return wrk(base, search, seconds, 1, threads=1)


def raw_search_p50(execute, mark, rounds):
    """The median time (ms) of QUERIES in raw SQL on the folded column, name order, 50 rows."""
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            cond = " AND ".join(f"(name_folded LIKE {mark} OR name_folded LIKE {mark})" for _ in q.split())
            args = [x for w in q.split() for x in (w + "%", "% " + w + "%")]
            t = time.perf_counter()
            execute(f"SELECT * FROM members WHERE {cond} ORDER BY name_sort_key, id LIMIT 50", args).fetchall()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    binary, db = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cells = [r[0] for r in raw.execute(
        "SELECT o.id FROM organizations o WHERE o.kind IN ('cell','grassroots_cell') "
        "AND EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id) LIMIT 2000")]
    members = raw.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    port, dport = free_port(), free_port()
    work = tempfile.mkdtemp(prefix="qldv-bench.")
    env = dict(os.environ, QLDV_DATABASE_URL=f"sqlite://{db}", QLDV_BIND=f"127.0.0.1:{port}",
               QLDV_ADMIN_PASSWORD="bench-admin-password", QLDV_ACCESS_TOKEN_MINUTES="1440",
               QLDV_LOG="warn", QLDV_STATIC_DIR="none")
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ds = subprocess.Popen(["datasette", "serve", "-i", db, "-p", str(dport),
                           "--setting", "sql_time_limit_ms", "20000"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = []
    try:
        base, dbase = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{dport}"
        wait(base + "/readyz")
        wait(dbase + "/-/versions.json")
        req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                     data=json.dumps({"username": "admin", "password": "bench-admin-password"}).encode(),
                                     headers={"content-type": "application/json"})
        token = json.load(urllib.request.urlopen(req))["access_token"]
        name = os.path.splitext(os.path.basename(db))[0]
        cell_list = "{" + ",".join(map(str, cells)) + "}"

        # 1. A cell's members, 50 per page.
        ours = lua_file(f"""
local cells = {cell_list}
wrk.headers["Authorization"] = "Bearer {token}"
request = function()
  return wrk.format("GET", "/api/v1/members?organization_id=" .. cells[math.random(#cells)] .. "&limit=50")
end""")
        # The same rows the same way: the cell's path on the (org_path, name_sort_key, id) index.
        sql = ("select * from members where org_path = (select path from organizations where id = :cell) "
               "and status in ('official', 'probationary') order by name_sort_key, id limit 50")
        theirs = lua_file(f"""
local cells = {cell_list}
request = function()
  return wrk.format("GET", "/{name}.json?_shape=array&sql={urllib.parse.quote(sql)}&cell=" .. cells[math.random(#cells)])
end""")
        a = wrk(base, ours, seconds, 32)
        b = wrk(dbase, theirs, seconds, 32)
        rows.append(("1. cell list, 50 per page (32 connections)", f"{float(a['rps']):.0f} req/s",
                     f"datasette {float(b['rps']):.0f} req/s", f"{float(a['rps']) / float(b['rps']):.1f}×", "≥ 5×",
                     a["errors"] + "/" + b["errors"]))

        # 2. Name search: p50 over one connection, against raw SQL on the folded column.
        s = search_p50(base, token, seconds)
        raw_p50 = raw_search_p50(raw.execute, "?", 3)
        rows.append(("2. name search without diacritics, p50 (1 connection)", f"{float(s['p50']):.1f} ms",
                     f"raw SQL {raw_p50:.1f} ms", f"{float(s['p50']) / raw_p50:.2f}×", "≤ 1.5× and ≤ 20 ms",
                     s["errors"]))

        # 3. Peak RSS under 1,000 connections of the cell list.
        peak = [0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                try:
                    with open(f"/proc/{server.pid}/status") as f:
                        for line in f:
                            if line.startswith("VmRSS"):
                                peak[0] = max(peak[0], int(line.split()[1]))
                except OSError:
                    return
                time.sleep(0.2)

        t = threading.Thread(target=sample)
        t.start()
        # As browsers do, these clients accept gzip (without it each connection's write buffer
        # keeps the size of the largest answer it sent).
        gz = lua_file(f"""
local cells = {cell_list}
wrk.headers["Authorization"] = "Bearer {token}"
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
  return wrk.format("GET", "/api/v1/members?organization_id=" .. cells[math.random(#cells)] .. "&limit=50")
end""")
        c = wrk(base, gz, seconds, 1000)
        stop.set()
        t.join()
        rows.append(("6. peak RSS, 1,000 connections of the cell list (gzip)", f"{peak[0] / 1024:.0f} MB",
                     f"{float(c['rps']):.0f} req/s, p99 {float(c['p99']):.0f} ms", "", "≤ 100 MB, 0 errors",
                     c["errors"]))
    finally:
        server.terminate()
        ds.terminate()
        server.wait()
        ds.wait()
    print_table(f"{members:,} members, SQLite file {os.path.getsize(db) / 1e9:.2f} GB, {seconds} s per run, "
                f"{os.cpu_count()} cores", rows)


if __name__ == "__main__":
    main()
