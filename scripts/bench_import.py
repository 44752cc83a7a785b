#!/usr/bin/env python3
"""Importing members with full validation (`qldv import`, the same code as the API's import)
against PostgreSQL COPY of the same rows, measured in the same run.

    python3 scripts/bench_import.py QLDV_BINARY POSTGRES_SERVER_URL [ROWS]

POSTGRES_SERVER_URL names a server where databases may be created (…/postgres). The rows are the
active members of a `qldv seed` dataset written in the import template's columns; they are
imported into a copy of that dataset's organisations with no members, and the anchor COPYs the
same file into a table of the template's columns (typed, CCCD and history number unique). A third
column, the floor, COPYs back exactly the rows the import wrote into every table it writes (same
indexes and constraints), with nothing read, checked or rendered: how fast any import writing
what the rules require could possibly be.
BENCH_IMPORT_FLOOR=0 leaves the floor out (at a million rows its reload of `member_events` into
emptied tables has run for tens of minutes: a planning artefact of the reload, not of the import).
Needs psycopg (PyPI); prints one Markdown table."""

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

import psycopg

COLUMNS = [  # (template header, members column)
    ("Mã chi bộ", "organization_id"), ("Họ và tên", "full_name"), ("Giới tính", "gender"),
    ("Ngày sinh", "birth_date"), ("Số CCCD", "national_id"), ("Số lý lịch", "personal_history_no"),
    ("Nơi sinh", "birth_place"), ("Quê quán", "hometown"), ("Nơi thường trú", "permanent_address"),
    ("Nơi ở hiện nay", "current_address"), ("Dân tộc", "ethnicity"), ("Tôn giáo", "religion"),
    ("Điện thoại", "phone"), ("Email", "email"),
    ("Trình độ giáo dục phổ thông", "education_general"),
    ("Trình độ chuyên môn", "professional_qualification"), ("Học vị", "academic_degree"),
    ("Học hàm", "academic_title"), ("Lý luận chính trị", "political_theory"),
    ("Nghề nghiệp", "occupation"), ("Chức vụ", "job_title"), ("Nơi làm việc", "workplace"),
    ("Ngày vào Đoàn", "youth_union_joined_on"), ("Người giới thiệu", "introducers"),
    ("Ngày quyết định kết nạp", "admission_decision_on"),
    ("Số quyết định kết nạp", "admission_decision_no"), ("Ngày kết nạp", "ceremony_on"),
    ("Nơi kết nạp", "ceremony_place"), ("Ngày chính thức", "official_on"),
    ("Ngày kết nạp lần đầu", "first_admission_decision_on"),
]
# Every table an import writes, parents first.
WRITTEN = ["members", "member_events", "memberships", "member_name_words", "composition_counts",
           "audit_log", "changes"]
# About 10,000 rows of the widest tables per COPY of the floor.
FLOOR_BATCH_BYTES = 16 << 20
DATES = {"birth_date", "youth_union_joined_on", "admission_decision_on", "ceremony_on",
         "official_on", "first_admission_decision_on"}


def url_for(server, db):
    return server.rsplit("/", 1)[0] + "/" + db


def measure_floor(dst, work):
    """COPYs back the rows the import wrote, every table emptied first; (seconds, rows)."""
    dumps = []
    for table in WRITTEN:
        dump = os.path.join(work, f"{table}.copy")
        with open(dump, "wb") as f, dst.cursor().copy(f"COPY {table} TO STDOUT") as cp:
            for chunk in cp:
                f.write(chunk)
        dumps.append((table, dump))
    dst.execute("TRUNCATE " + ", ".join(WRITTEN) + " CASCADE")
    rows_written = 0
    t = time.perf_counter()
    with dst.transaction():
        for table, dump in dumps:
            # 10,000 rows per COPY, as the import sends them: one COPY of millions of rows
            # queues every foreign-key check to its end and takes several times longer.
            with open(dump, "rb") as f:
                while lines := f.readlines(FLOOR_BATCH_BYTES):
                    rows_written += len(lines)
                    with dst.cursor().copy(f"COPY {table} FROM STDIN") as cp:
                        cp.write(b"".join(lines))
    floor = time.perf_counter() - t
    for _, dump in dumps:
        os.remove(dump)
    return floor, rows_written


def main():
    binary, server = os.path.realpath(sys.argv[1]), sys.argv[2]
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    env = dict(os.environ, QLDV_LOG="warn")
    env.setdefault("QLDV_JWT_SECRET", "bench-import-secret-bench-import-secret")
    work = tempfile.mkdtemp(prefix="qldv-import.")
    env.setdefault("QLDV_SYNC_KEY_FILE", os.path.join(work, "sync.key"))
    env.setdefault("QLDV_AUDIT_KEY_FILE", os.path.join(work, "audit.key"))
    admin = psycopg.connect(server, autocommit=True)
    for db in ("qldv_import_src", "qldv_import_dst"):
        admin.execute(f"DROP DATABASE IF EXISTS {db}")
    admin.execute("CREATE DATABASE qldv_import_src")
    src_url = url_for(server, "qldv_import_src")
    # A few more than wanted: some seeded members have left.
    subprocess.run([binary, "seed", "--members", str(int(rows * 1.1)), "--seed", "9"],
                   env=dict(env, QLDV_DATABASE_URL=src_url), cwd=work, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    src = psycopg.connect(src_url, autocommit=True)
    cols = ", ".join(c for _, c in COLUMNS)
    data = src.execute(f"SELECT {cols} FROM members WHERE status IN ('official', 'probationary') "
                       f"ORDER BY id LIMIT {rows}").fetchall()
    # The whole dataset's root: a larger seed spans several provinces.
    root = src.execute("SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    src.close()
    path = os.path.join(work, "members.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([h for h, _ in COLUMNS])
        for r in data:
            out = []
            for (_, c), v in zip(COLUMNS, r):
                if v is None:
                    out.append("")
                elif c == "gender":
                    out.append("Nam" if v == "male" else "Nữ")
                elif c in DATES:
                    out.append(v.isoformat())
                else:
                    out.append(str(v))
            w.writerow(out)

    # The destination: the same organisations, no members (nor anything hanging off them).
    admin.execute("CREATE DATABASE qldv_import_dst TEMPLATE qldv_import_src")
    dst_url = url_for(server, "qldv_import_dst")
    dst = psycopg.connect(dst_url, autocommit=True)
    dst.execute("TRUNCATE members, member_name_words, member_word_stats, imports, composition_counts, composition_deltas CASCADE")
    subprocess.run([binary, "create-user", "--username", "bench-importer", "--role", "admin"],
                   env=dict(env, QLDV_DATABASE_URL=dst_url, QLDV_NEW_USER_PASSWORD="bench-importer-pw"),
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    t = time.perf_counter()
    # Peak memory of the import, when GNU time is there to tell it.
    timed = ["/usr/bin/time", "-f", "peak-rss-kb %M"] if os.path.exists("/usr/bin/time") else []
    done = subprocess.run(timed + [binary, "import", path, "--organization", str(root), "--user", "bench-importer"],
                          env=dict(env, QLDV_DATABASE_URL=dst_url), cwd=work,
                          capture_output=True, text=True)
    ours = time.perf_counter() - t
    print(f"import: {ours:.1f} s", file=sys.stderr, flush=True)
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("peak-rss-kb ")]
    imported = dst.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    if imported != len(data):
        raise SystemExit(f"imported {imported} of {len(data)}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")

    # The anchor: COPY of the same file into a table of its columns.
    types = ", ".join(f"{c} {'date' if c in DATES else 'bigint' if c == 'organization_id' else 'text'}"
                      for _, c in COLUMNS)
    dst.execute(f"CREATE TABLE copy_anchor (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, {types}, "
                "UNIQUE (national_id), UNIQUE (personal_history_no))")
    t = time.perf_counter()
    with dst.cursor().copy(f"COPY copy_anchor ({cols}) FROM STDIN (FORMAT csv, HEADER true)") as cp:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                cp.write(chunk)
    anchor = time.perf_counter() - t

    # The floor: COPY of exactly the rows the import wrote (every table, the same indexes and
    # constraints), with no reading, checking or rendering at all: no import that writes what
    # the rules require (the record, its events and period, its name words, its counts, its
    # audit entry and its change in the feed) can be faster than this.
    floor, rows_written = None, 0
    if os.environ.get("BENCH_IMPORT_FLOOR", "1") != "0":
        floor, rows_written = measure_floor(dst, work)
    dst.close()
    print(f"\n{len(data):,} members in the import template ({os.path.getsize(path) / 1e6:.1f} MB), "
          f"{os.cpu_count()} cores" + (f"; the import's peak RSS {int(peak[0]) / 1024:,.0f} MB" if peak else "") + "\n")
    print("| benchmark | QLĐV | anchor | ratio | goal | floor: COPY of the rows written | QLĐV / floor |")
    print("|---|---|---|---|---|---|---|")
    print(f"| 4. import with full validation | {len(data) / ours:,.0f} rows/s ({ours:.1f} s) | "
          f"COPY {len(data) / anchor:,.0f} rows/s ({anchor:.2f} s) | {anchor / ours * 100:.1f} % | ≥ 30 % | "
          + (f"{len(data) / floor:,.0f} rows/s ({floor:.2f} s, {rows_written:,} rows in {len(WRITTEN)} tables: "
             f"{anchor / floor * 100:.1f} % of COPY) | {floor / ours * 100:.0f} % |" if floor else "not measured | |"))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
