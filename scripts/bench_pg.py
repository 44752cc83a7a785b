#!/usr/bin/env python3
"""National benchmarks on PostgreSQL, each against its anchor measured in the same run, over a
database seeded by `qldv seed --members 5600000` (the Central Committee, 34 provinces):

  2. name search without diacritics over every member, p50: QLĐV's `GET /members?q=` (HTTP,
     signed in, one connection) vs the same query in raw SQL on the folded column;
  3. the composition report of the largest province, median: QLĐV's `GET /reports/composition`
     vs one hand-written GROUP BY (GROUPING SETS) over the province's current members; and the
     national report (goal ≤ 2 s);
  5. badge eligibility for the next occasion, national (goal ≤ 3 s).

    python3 scripts/bench_pg.py QLDV_BINARY POSTGRES_URL [SECONDS]

Needs wrk (Debian) and psycopg (PyPI); prints one Markdown table. The server runs with the
environment it is given plus its own port and an administrator."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import psycopg

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_http import free_port, print_table, raw_search_p50, search_p50, wait  # noqa: E402

# The hand-written anchor of the composition report: the same thirteen dimensions of the members
# inside the subtree today, one GROUP BY with a grouping set per dimension.
HAND_COMPOSITION = """
WITH m AS (
  SELECT m.*, date_part('year', age(current_date, m.birth_date)) AS age,
         EXISTS (SELECT 1 FROM member_periods x WHERE x.member_id = m.id AND x.kind = 'exemption'
                 AND x.from_on <= current_date AND (x.to_on IS NULL OR x.to_on > current_date)) AS exempt,
         EXISTS (SELECT 1 FROM member_periods x WHERE x.member_id = m.id AND x.kind = 'absence'
                 AND x.from_on <= current_date AND (x.to_on IS NULL OR x.to_on > current_date)) AS away
  FROM members m
  WHERE m.org_path LIKE %(prefix)s AND m.status IN ('official', 'probationary'))
SELECT gender, CASE WHEN age <= 30 THEN 'to_30' WHEN age <= 40 THEN '31_40' WHEN age <= 50 THEN '41_50'
               WHEN age <= 60 THEN '51_60' WHEN age <= 70 THEN '61_70' ELSE 'over_70' END AS age_group,
       ethnicity, religion, education_general, professional_qualification, academic_degree,
       academic_title, political_theory, occupation,
       CASE WHEN official_on IS NOT NULL AND official_on <= current_date THEN 'official'
            ELSE 'probationary' END AS standing, exempt, away, COUNT(*)
FROM m
GROUP BY GROUPING SETS ((), (gender), (age_group), (ethnicity), (religion), (education_general),
  (professional_qualification), (academic_degree), (academic_title), (political_theory),
  (occupation), (standing), (exempt), (away))
"""


def timed(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    binary, url = os.path.realpath(sys.argv[1]), sys.argv[2]
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    db = psycopg.connect(url, autocommit=True)
    # The anchors run with the server's own session settings (it turns JIT compilation off).
    db.execute("SET jit = off")
    members = db.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    central, central_path = db.execute(
        "SELECT id, path FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1").fetchone()
    province, prefix, size = db.execute(
        "SELECT o.id, o.path, COUNT(*) FROM organizations o JOIN members m ON m.org_path LIKE o.path || '%' "
        "WHERE o.kind = 'province' AND m.status IN ('official', 'probationary') "
        "GROUP BY o.id, o.path ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    port = free_port()
    work = tempfile.mkdtemp(prefix="qldv-bench.")
    env = dict(os.environ, QLDV_DATABASE_URL=url, QLDV_BIND=f"127.0.0.1:{port}",
               QLDV_ADMIN_PASSWORD="bench-admin-password", QLDV_ACCESS_TOKEN_MINUTES="1440",
               QLDV_LOG="warn", QLDV_STATIC_DIR="none",
               QLDV_AUDIT_KEY_FILE=os.path.join(work, "audit.key"))
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = []
    try:
        base = f"http://127.0.0.1:{port}"
        wait(base + "/readyz")
        req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                     data=json.dumps({"username": "admin", "password": "bench-admin-password"}).encode(),
                                     headers={"content-type": "application/json"})
        token = json.load(urllib.request.urlopen(req))["access_token"]

        def get(path):
            r = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(r, timeout=600) as resp:
                return json.load(resp)

        # 2. Name search.
        s = search_p50(base, token, seconds)
        raw_p50 = raw_search_p50(db.execute, "%s", 1)
        rows.append((f"2. name search without diacritics over {members:,}, p50 (1 connection)",
                     f"{float(s['p50']):.1f} ms", f"raw SQL {raw_p50:.0f} ms",
                     f"{float(s['p50']) / raw_p50:.3f}×", "≤ 1.5× and ≤ 20 ms", s["errors"]))

        # 3. Composition: the largest province against the hand-written GROUP BY, then the nation.
        path = f"/api/v1/reports/composition?organization_id={province}"
        total = next(r for r in get(path)["sections"][0]["rows"] if r["total"])["values"][0]
        ours = timed(lambda: get(path), 5)
        hand = timed(lambda: db.execute(HAND_COMPOSITION, {"prefix": prefix + "%"}).fetchall(), 5)
        rows.append((f"3. composition report, province of {total:,} (median of 5)", f"{ours:.0f} ms",
                     f"hand GROUP BY {hand:.0f} ms", f"{ours / hand:.2f}×", "≤ 1×", "0"))
        national = timed(lambda: get(f"/api/v1/reports/composition?organization_id={central}"), 3)
        hand = timed(lambda: db.execute(HAND_COMPOSITION, {"prefix": central_path + "%"}).fetchall(), 1)
        rows.append(("3. composition report, national (median of 3; anchor once)", f"{national:.0f} ms",
                     f"hand GROUP BY {hand:.0f} ms", f"{national / hand:.3f}×", "≤ 2 s", "0"))

        # 5. Badge eligibility for the next occasion (3 February), national.
        today = time.strftime("%Y-%m-%d")
        occasion = f"{int(today[:4]) + (today[5:] > '02-03')}-02-03"
        found = get(f"/api/v1/badges/eligible?occasion_on={occasion}")
        count = len(found) if isinstance(found, list) else len(found.get("items", []))
        badge = timed(lambda: get(f"/api/v1/badges/eligible?occasion_on={occasion}"), 3)
        rows.append((f"5. badge eligibility {occasion}, national: {count:,} members (median of 3)",
                     f"{badge:.0f} ms", "", "", "≤ 3 s", "0"))
    finally:
        server.terminate()
        server.wait()
    print_table(f"{members:,} members on PostgreSQL, {seconds} s per wrk run, {os.cpu_count()} cores", rows)


if __name__ == "__main__":
    main()
