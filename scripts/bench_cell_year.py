#!/usr/bin/env python3
"""Benchmarks of the cell's year (issue 23, docs/benchmarks.md rows 7 and 8), over a database
seeded by `qldv seed` (SQLite file or PostgreSQL URL), against an anchor in the same run:

  anchor. `GET /members?organization_id={cell}&limit=60`: the cell's member list, one page.
  7. `POST /organizations/{id}/meetings`: a whole attendance sheet in one request.
  8. `PUT /organizations/{id}/dues-sheet/{month}`: the month's whole dues sheet in one request
     (each member due pays the due, cash), this month.

Each is timed at the client, one request at a time on one connection, REQUESTS times over the
cells of 58–62 active members (cycling through them; the blank sheets fetched first, not
timed); p50, p99 and the ratio of each to the anchor's.

    python3 scripts/bench_cell_year.py QLDV_BINARY DATABASE_URL [REQUESTS]

DATABASE_URL is `sqlite:///path/qldv.db` or `postgres://…`. The database is written to (the
meetings and payments stay): use a scratch copy. The server runs in BENCH_CWD (or the SQLite
file's directory): where `qldv seed` made its keys."""

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
    """(cell id, active members) of up to `n` cells of 58–62 active members, nearest 60 first."""
    sql = ("SELECT organization_id, COUNT(*) AS c FROM members "
           "WHERE status IN ('official', 'probationary') GROUP BY organization_id "
           "HAVING COUNT(*) BETWEEN 58 AND 62 "
           f"ORDER BY ABS(COUNT(*) - 60), organization_id LIMIT {n}")
    if url.startswith("sqlite://"):
        db = sqlite3.connect(f"file:{url[len('sqlite://'):]}?mode=ro", uri=True)
        return [tuple(r) for r in db.execute(sql)]
    out = subprocess.run(["psql", url, "-At", "-F", ",", "-c", sql],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(int(x) for x in line.split(",")) for line in out.splitlines() if line]


def pct(times, q):
    times = sorted(times)
    return times[min(len(times) - 1, int(round(q * (len(times) - 1))))]


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
        today = datetime.date.today()
        month = today.strftime("%Y-%m")
        order = [cells[i % len(cells)] for i in range(requests)]
        # The blank sheets, not timed: the attendance sheet of each day the cells meet, and
        # each cell's dues sheet of this month.
        days = [(today - datetime.timedelta(days=1 + i // len(cells))).isoformat()
                for i in range(requests)]
        sheets, dues, errors = {}, {}, 0
        for (cell, _), on in zip(order, days):
            if (cell, on) not in sheets:
                status, sheet = call(base, token, "GET",
                                     f"/api/v1/organizations/{cell}/attendance-sheet?on={on}")
                sheets[(cell, on)] = sheet if status == 200 else None
            if cell not in dues:
                status, sheet = call(base, token, "GET",
                                     f"/api/v1/organizations/{cell}/dues-sheet?month={month}")
                dues[cell] = sheet if status == 200 else None
        anchor, meet, pay, lines, dues_lines = [], [], [], [], []
        for i, ((cell, _), on) in enumerate(zip(order, days)):
            t = time.perf_counter()
            status, _ = call(base, token, "GET",
                             f"/api/v1/members?organization_id={cell}&limit=60")
            anchor.append((time.perf_counter() - t) * 1000)
            errors += status != 200
            sheet = sheets[(cell, on)]
            if sheet is None:
                errors += 1
                continue
            attendance = []
            for k, m in enumerate(m for m in sheet["members"] if m["derived"] is None):
                value = ("absent", None) if k % 31 == 5 else ("excused", "Ốm") if k % 19 == 3 else ("present", None)
                line = {"member_id": m["member_id"], "value": value[0]}
                if value[1]:
                    line["reason"] = value[1]
                attendance.append(line)
            body = {"kind": "topical", "held_on": on, "agenda": f"Sinh hoạt chuyên đề ({i})",
                    "attendance": attendance}
            t = time.perf_counter()
            status, _ = call(base, token, "POST", f"/api/v1/organizations/{cell}/meetings", body)
            meet.append((time.perf_counter() - t) * 1000)
            lines.append(len(sheet["members"]))
            errors += status != 201
            sheet = dues[cell]
            if sheet is None:
                errors += 1
                continue
            payments = [{"member_id": l["member_id"], "amount": l["month"]["due"], "channel": "cash"}
                        for l in sheet["lines"] if l["month"]["due"] > 0]
            t = time.perf_counter()
            status, _ = call(base, token, "PUT",
                             f"/api/v1/organizations/{cell}/dues-sheet/{month}",
                             {"paid_on": today.isoformat(), "payments": payments})
            pay.append((time.perf_counter() - t) * 1000)
            dues_lines.append(len(payments))
            errors += status != 200
        a50, a99 = statistics.median(anchor), pct(anchor, 0.99)
        print(f"{engine}: {len(order)} rounds over {len(cells)} cells of "
              f"{min(c for _, c in cells)}–{max(c for _, c in cells)} active members; errors {errors}")
        print(f"| anchor: GET members, 60 per page | {len(anchor)} | | p50 {a50:.1f} ms | p99 {a99:.1f} ms | 1× |")
        for name, times, ls in (("7: POST meetings, whole attendance sheet", meet, lines),
                                ("8: PUT dues-sheet, whole month", pay, dues_lines)):
            p50, p99 = statistics.median(times), pct(times, 0.99)
            print(f"| {name} | {len(times)} | {min(ls)}–{max(ls)} lines | p50 {p50:.1f} ms | "
                  f"p99 {p99:.1f} ms | {p50 / a50:.1f}× / {p99 / a99:.1f}× |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
