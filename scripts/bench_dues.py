#!/usr/bin/env python3
"""Benchmark row 9 of docs/benchmarks.md (issue 23): the dues report's sums at national size.

    python3 scripts/bench_dues.py POSTGRES_URL [CELLS] [RUNS]

Generates, in a scratch schema `bench_dues` of the database (dropped first), a year of
`dues_cell_months` rows with the migration's definition and index: CELLS cells (default
189,000, about 5.6 M members at 30 each) in 63 provinces of 30 districts, 12 months each,
generated in SQL (`generate_series`), not by the seeder. Then it times, RUNS times (default 3),
the two statements `models::dues::report::sums` runs for the national root (by subordinate
organisation, by month) and the by-organisation one for one province, and prints the medians.
Row 8 (the 60-line sheet over HTTP) is not covered yet.
"""
import statistics
import subprocess
import sys
import time

SUMS = (
    "CAST(SUM(c.members) AS BIGINT), CAST(SUM(c.due) AS BIGINT), CAST(SUM(c.paid) AS BIGINT), "
    "CAST(SUM(c.deferred) AS BIGINT), CAST(SUM(c.arrears) AS BIGINT), "
    "CAST(SUM(c.extra) AS BIGINT), CAST(SUM(c.unpaid_members) AS BIGINT)"
)


def psql(url, sql):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url], input=sql, text=True,
                   check=True, stdout=subprocess.DEVNULL)


def timed(url, sql):
    start = time.perf_counter()
    psql(url, "SET search_path = bench_dues;\n" + sql)
    return (time.perf_counter() - start) * 1000


def by_child(root):
    hi = root[:-1] + "0"
    return (f"SELECT split_part(substr(c.org_path, length('{root}') + 1), '/', 1), {SUMS} "
            f"FROM dues_cell_months c WHERE c.month BETWEEN 202601 AND 202612 "
            f"AND c.org_path >= '{root}' AND c.org_path < '{hi}' GROUP BY 1;")


def by_month(root):
    hi = root[:-1] + "0"
    return (f"SELECT CAST(c.month AS TEXT), {SUMS} FROM dues_cell_months c "
            f"WHERE c.month BETWEEN 202601 AND 202612 "
            f"AND c.org_path >= '{root}' AND c.org_path < '{hi}' GROUP BY c.month;")


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
       30, 30 * 90000, 30 * 90000 - 120000, 30000, 90000, 5000, 1
FROM generate_series(1, {cells}) c, generate_series(1, 12) m;
CREATE INDEX dues_cell_months_path_idx ON dues_cell_months (month, org_path);
ANALYZE dues_cell_months;
""")
    print(f"generated {cells * 12:,} cell-month rows in {time.perf_counter() - started:.1f} s")
    national = [timed(url, by_child("/1/")) + timed(url, by_month("/1/")) for _ in range(runs)]
    province = [timed(url, by_child("/1/7/")) for _ in range(runs)]
    print(f"national (both sums), median of {runs}: {statistics.median(national):.0f} ms "
          f"(runs {', '.join(f'{x:.0f}' for x in national)})")
    print(f"province (by organisation), median of {runs}: {statistics.median(province):.0f} ms "
          f"(runs {', '.join(f'{x:.0f}' for x in province)})")


if __name__ == "__main__":
    main()
