#!/usr/bin/env python3
"""Benchmark row 9 of docs/benchmarks.md (issue 23): the dues report's sums at national size,
before and after the kept subtree sums, in one run.

    python3 scripts/bench_dues.py POSTGRES_URL [CELLS] [RUNS]

Generates, in a scratch schema `bench_dues` of the database (dropped first, and at the end), a
year of `dues_cell_months` rows with the 2026-12-09 migration's definition and index: CELLS
cells (default 189,000, about 5.6 M members at 30 each) in 63 provinces of 30 districts, 12
months each, generated in SQL (`generate_series`), not by the seeder.

"before": times, RUNS times (default 3), the two statements the report ran until 2026-12-10 (by
subordinate organisation and by month, over every cell-month of the subtree) for the national
root, and the by-organisation one for one province.
"after": applies the migration `2026-12-10-110000_dues_subtree` as it is (the kept sums built
from the cell-months, the path index turned round) and times the statements
`models::dues::report::sums` runs now, the same way; then checks that both give the same sums
and that every row balances (due = paid + deferred + arrears).

Timings are psql's `\\timing` (the server's work and the transfer, not psql's start-up), each
statement its own run of psql; a root's time is the sum of its statements.
"""
import os
import re
import statistics
import subprocess
import sys
import time

SUMS = (
    "CAST(SUM(c.members) AS BIGINT), CAST(SUM(c.due) AS BIGINT), CAST(SUM(c.paid) AS BIGINT), "
    "CAST(SUM(c.deferred) AS BIGINT), CAST(SUM(c.arrears) AS BIGINT), "
    "CAST(SUM(c.extra) AS BIGINT), CAST(SUM(c.unpaid_members) AS BIGINT)"
)
MONTHS = "c.month BETWEEN 202601 AND 202612"
MIGRATION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "migrations",
                         "postgresql", "2026-12-10-110000_dues_subtree", "up.sql")


def psql(url, sql):
    r = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", url], input=sql,
                       text=True, check=True, capture_output=True)
    return r.stdout


def timed(url, sql):
    """(milliseconds by \\timing, rows sorted)."""
    out = psql(url, "SET search_path = bench_dues;\n\\timing on\n" + sql + "\n")
    ms = [float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    rows = sorted(l for l in out.splitlines() if l and not l.startswith("Time:"))
    return ms[-1], rows


def old_by_child(root):
    hi = root[:-1] + "0"
    return (f"SELECT split_part(substr(c.org_path, length('{root}') + 1), '/', 1), {SUMS} "
            f"FROM dues_cell_months c WHERE {MONTHS} "
            f"AND c.org_path >= '{root}' AND c.org_path < '{hi}' GROUP BY 1;")


def old_by_month(root):
    hi = root[:-1] + "0"
    return (f"SELECT CAST(c.month AS TEXT), {SUMS} FROM dues_cell_months c WHERE {MONTHS} "
            f"AND c.org_path >= '{root}' AND c.org_path < '{hi}' GROUP BY c.month;")


def new_by_child(root):
    return (f"SELECT split_part(substr(c.org_path, length('{root}') + 1), '/', 1), {SUMS} "
            f"FROM dues_subtree_months c WHERE c.parent_path = '{root}' AND {MONTHS} GROUP BY 1 "
            f"UNION ALL SELECT '', {SUMS} FROM dues_cell_months c "
            f"WHERE c.org_path = '{root}' AND {MONTHS} GROUP BY c.org_path;")


def new_by_month(root):
    return (f"SELECT CAST(c.month AS TEXT), {SUMS} FROM dues_subtree_months c "
            f"WHERE c.org_path = '{root}' AND {MONTHS} GROUP BY c.month;")


def balances(rows):
    for r in rows:
        v = [int(x) for x in r.split("|")[1:]]
        if v[1] != v[2] + v[3] + v[4]:
            return False
    return True


def measure(url, runs, by_child, by_month):
    national, province, results = [], [], None
    for _ in range(runs):
        (a, ra), (b, rb) = timed(url, by_child("/1/")), timed(url, by_month("/1/"))
        national.append(a + b)
        p, rp = timed(url, by_child("/1/7/"))
        province.append(p)
        results = (ra, rb, rp)
    return national, province, results


def line(name, xs):
    return (f"{name}, median of {len(xs)}: {statistics.median(xs):.1f} ms "
            f"(runs {', '.join(f'{x:.1f}' for x in xs)})")


def main():
    url = sys.argv[1]
    cells = int(sys.argv[2]) if len(sys.argv) > 2 else 189_000
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    started = time.perf_counter()
    psql(url, f"""
DROP SCHEMA IF EXISTS bench_dues CASCADE;
CREATE SCHEMA bench_dues;
SET search_path = bench_dues;
CREATE TABLE dues_cell_months (
    organization_id BIGINT NOT NULL, month INTEGER NOT NULL, org_path TEXT NOT NULL,
    members INTEGER NOT NULL, due BIGINT NOT NULL, paid BIGINT NOT NULL, deferred BIGINT NOT NULL,
    arrears BIGINT NOT NULL, extra BIGINT NOT NULL, unpaid_members INTEGER NOT NULL,
    PRIMARY KEY (organization_id, month), CHECK (due = paid + deferred + arrears));
INSERT INTO dues_cell_months
SELECT c, 202600 + m, '/1/' || (2 + c % 63) || '/' || (1000 + c % 1890) || '/' || (100000 + c) || '/',
       30, 30 * 90000 + (c % 7) * 1000, 30 * 90000 - 120000, 30000, 90000 + (c % 7) * 1000, 5000, 1
FROM generate_series(1, {cells}) c, generate_series(1, 12) m;
CREATE INDEX dues_cell_months_path_idx ON dues_cell_months (month, org_path);
ANALYZE dues_cell_months;
""")
    print(f"generated {cells * 12:,} cell-month rows in {time.perf_counter() - started:.1f} s")
    before = measure(url, runs, old_by_child, old_by_month)
    print("before (every cell-month of the subtree):")
    print("  " + line("national (both sums)", before[0]))
    print("  " + line("province (by organisation)", before[1]))
    started = time.perf_counter()
    with open(MIGRATION) as f:
        psql(url, "SET search_path = bench_dues;\n" + f.read() + "\nANALYZE dues_subtree_months;\n"
             "ANALYZE dues_cell_months;\n")
    kept = psql(url, "SELECT COUNT(*) FROM bench_dues.dues_subtree_months;").strip()
    print(f"migration 2026-12-10-110000_dues_subtree on them: {time.perf_counter() - started:.1f} s, "
          f"{int(kept):,} subtree-month rows")
    after = measure(url, runs, new_by_child, new_by_month)
    print("after (the kept subtree sums):")
    print("  " + line("national (both sums)", after[0]))
    print("  " + line("province (by organisation)", after[1]))
    same = before[2] == after[2]
    ok = all(balances(r) for r in after[2])
    print(f"same sums before and after: {'yes' if same else 'NO'}; every row balances: "
          f"{'yes' if ok else 'NO'}")
    psql(url, "DROP SCHEMA bench_dues CASCADE;")
    if not (same and ok):
        sys.exit(1)


if __name__ == "__main__":
    main()
