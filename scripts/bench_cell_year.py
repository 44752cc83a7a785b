#!/usr/bin/env python3
"""Benchmarks of the cell's year (issue 23, docs/cell-year.md "Benchmark plan"), over a database
seeded by `qldv seed` (SQLite file or PostgreSQL URL):

  7. `POST /organizations/{id}/meetings`: a whole attendance sheet in one request, one per cell
     over REQUESTS cells (the cells nearest 60 members), p50 and p99 on one connection.

    python3 scripts/bench_cell_year.py QLDV_BINARY DATABASE_URL [REQUESTS]

DATABASE_URL is `sqlite:///path/qldv.db` or `postgres://…`. The database is written to (the
meetings stay): use a scratch copy. Prints one Markdown table row per engine run. Only rows 7
and below are measured here; rows 8–9 (dues) belong to the dues step."""

import datetime
import json
import os
import socket
import statistics
import subprocess
import sqlite3
import sys
import tempfile
import time
import urllib.error
import urllib.request


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


def cells_near_sixty(url, n):
    """(cell id, active members) of the `n` cells whose size is nearest 60."""
    sql = ("SELECT organization_id, COUNT(*) AS c FROM members "
           "WHERE status IN ('official', 'probationary') GROUP BY organization_id "
           f"ORDER BY ABS(COUNT(*) - 60), organization_id LIMIT {n}")
    if url.startswith("sqlite://"):
        db = sqlite3.connect(f"file:{url[len('sqlite://'):]}?mode=ro", uri=True)
        return [tuple(r) for r in db.execute(sql)]
    out = subprocess.run(["psql", url, "-At", "-F", ",", "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(int(x) for x in line.split(",")) for line in out.splitlines() if line]


def call(base, token, method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"content-type": "application/json",
                                          "authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def main():
    binary, url = os.path.realpath(sys.argv[1]), sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    engine = "SQLite" if url.startswith("sqlite://") else "PostgreSQL"
    cells = cells_near_sixty(url, requests)
    port = free_port()
    # The directory `qldv seed` ran in holds the keys it made (audit, sync, JWT): the server
    # runs there (BENCH_CWD, or the SQLite file's directory).
    work = os.environ.get("BENCH_CWD") or (
        os.path.dirname(url[len("sqlite://"):]) if engine == "SQLite" else tempfile.mkdtemp())
    env = dict(os.environ, QLDV_DATABASE_URL=url, QLDV_BIND=f"127.0.0.1:{port}",
               QLDV_ACCESS_TOKEN_MINUTES="1440", QLDV_LOG="warn", QLDV_STATIC_DIR="none")
    password = os.environ.get("QLDV_ADMIN_PASSWORD", "bench-admin-password-1")
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait(base + "/readyz")
        req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                     data=json.dumps({"username": "admin",
                                                      "password": password}).encode(),
                                     headers={"content-type": "application/json"})
        token = json.load(urllib.request.urlopen(req))["access_token"]
        # Yesterday: a meeting is recorded once held.
        on = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        times, lines, errors = [], [], 0
        for i, (cell, _) in enumerate(cells):
            status, sheet = call(base, token, "GET", f"/api/v1/organizations/{cell}/attendance-sheet?on={on}")
            if status != 200:
                errors += 1
                continue
            attendance = []
            for k, m in enumerate(m for m in sheet["members"] if m["derived"] is None):
                value = ("absent", None) if k % 31 == 5 else ("excused", "Ốm") if k % 19 == 3 else ("present", None)
                line = {"member_id": m["member_id"], "value": value[0]}
                if value[1]:
                    line["reason"] = value[1]
                attendance.append(line)
            body = {"kind": "regular", "held_on": on, "agenda": f"Sinh hoạt thường kỳ ({i})",
                    "attendance": attendance}
            t = time.perf_counter()
            status, _ = call(base, token, "POST", f"/api/v1/organizations/{cell}/meetings", body)
            times.append((time.perf_counter() - t) * 1000)
            lines.append(len(sheet["members"]))
            if status != 201:
                errors += 1
        times.sort()
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        print(f"| 7 | POST meetings, whole sheet ({engine}) | {len(times)} requests, "
              f"{statistics.mean(lines):.0f} lines on average (min {min(lines)}, max {max(lines)}) | "
              f"p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms | errors {errors} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
