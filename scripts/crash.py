#!/usr/bin/env python3
"""Crash tests: kill -9 of the real server in the middle of a bulk import and in the middle of a
burst of transfer acceptances; after a restart, nothing is half-written, the membership invariant
holds (`qldv check`) and the audit trail's chain is intact (`qldv audit verify`).

    scripts/crash.py QLDV_BINARY [POSTGRES_URL]

With POSTGRES_URL (a server to create a scratch database on) it runs on PostgreSQL, else on a
SQLite file. Standard library only."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

PASSWORD = "crash-admin-password-1"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, binary, env, workdir):
        self.binary, self.env, self.workdir = binary, env, workdir
        self.base = "http://" + env["QLDV_BIND"]
        self.proc = None
        self.token = None

    def start(self):
        log = open(os.path.join(self.workdir, "server.log"), "ab")
        self.proc = subprocess.Popen([self.binary, "serve"], env=self.env, cwd=self.workdir,
                                     stdout=log, stderr=log)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit("server did not become ready")
        self.token = self.call("POST", "/api/v1/auth/login",
                               {"username": "admin", "password": PASSWORD})["access_token"]

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait()

    def request(self, method, path, body=None, headers=None, raw=None):
        h = {"content-type": "application/json"}
        if self.token:
            h["authorization"] = "Bearer " + self.token
        h.update(headers or {})
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def call(self, method, path, body=None):
        status, text = self.request(method, path, body)
        if status >= 300:
            raise SystemExit(f"{method} {path}: {status} {text[:300]!r}")
        return json.loads(text) if text else None

    def cli(self, *args):
        return subprocess.run([self.binary, *args], env=self.env, cwd=self.workdir,
                              capture_output=True, text=True)


def csv_rows(n, start):
    lines = ["Họ và tên,Giới tính,Ngày sinh,Số CCCD,Ngày quyết định kết nạp,Ngày kết nạp,Ngày chính thức"]
    for i in range(start, start + n):
        lines.append(f"Đảng Viên Thử {i},Nam,15/01/1975,0360750{i:05d},07/03/2005,21/03/2005,21/03/2006")
    return ("\n".join(lines) + "\n").encode()


def upload(server, org, content, name):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"organization_id\"\r\n\r\n{org}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    status, text = server.request("POST", "/api/v1/imports", raw=body,
                                  headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    if status != 202:
        raise SystemExit(f"import refused: {status} {text[:300]!r}")
    return json.loads(text)["id"]


def wait_import(server, job):
    while True:
        j = server.call("GET", f"/api/v1/imports/{job}")
        if j["status"] != "running":
            return j
        time.sleep(0.2)


def count(server, org):
    n, cursor = 0, ""
    while True:
        page = server.call("GET", f"/api/v1/members?organization_id={org}&limit=500&cursor={cursor}")
        n += len(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return n


def check_consistent(server, what):
    out = server.cli("check")
    if out.returncode != 0:
        raise SystemExit(f"{what}: qldv check failed:\n{out.stdout}{out.stderr}")
    out = server.cli("audit", "verify")
    if out.returncode != 0:
        raise SystemExit(f"{what}: audit verify failed:\n{out.stderr}")


def main():
    binary = os.path.realpath(sys.argv[1])
    pg = sys.argv[2] if len(sys.argv) > 2 else ""
    work = tempfile.mkdtemp(prefix="qldv-crash.")
    env = dict(os.environ, QLDV_BIND=f"127.0.0.1:{free_port()}", QLDV_ADMIN_PASSWORD=PASSWORD,
               QLDV_LOG="warn", QLDV_ACCESS_TOKEN_MINUTES="600")
    db = None
    if pg:
        db = f"qldv_crash_{os.getpid()}"
        subprocess.run(["psql", pg, "-q", "-c", f"CREATE DATABASE {db}"], check=True)
        env.update(QLDV_DATABASE_URL=pg.rsplit("/", 1)[0] + "/" + db,
                   QLDV_JWT_SECRET="crash-secret-crash-secret-crash-secret-0",
                   QLDV_SYNC_KEY_FILE=os.path.join(work, "sync.key"),
                   QLDV_AUDIT_KEY_FILE=os.path.join(work, "audit.key"))
    else:
        env["QLDV_DATABASE_URL"] = "sqlite://" + os.path.join(work, "qldv.db")
    engine = "PostgreSQL" if pg else "SQLite"
    server = Server(binary, env, work)
    try:
        server.start()
        org = lambda name, kind, parent=None: server.call(
            "POST", "/api/v1/organizations",
            {"name": name, "kind": kind, **({"parent_id": parent} if parent else {})})["id"]
        province = org("Tỉnh ủy Thử Sập", "province")
        commune = org("Đảng ủy xã Thử Sập", "commune", province)
        cell_a = org("Chi bộ Thử Sập A", "cell", commune)
        cell_b = org("Chi bộ Thử Sập B", "cell", commune)
        cell_c = org("Chi bộ Thử Sập C", "cell", commune)

        # 1. kill -9 in the middle of a bulk import (all or nothing).
        rows = int(os.environ.get("CRASH_IMPORT_ROWS", "50000"))
        job = upload(server, cell_c, csv_rows(rows, 0), "lon.csv")
        deadline = time.time() + 300
        while True:
            j = server.call("GET", f"/api/v1/imports/{job}")
            if j["status"] != "running":
                raise SystemExit(f"the import ended before the kill ({j['status']}); raise CRASH_IMPORT_ROWS")
            if j["processed_rows"] >= rows // 10 or time.time() > deadline:
                break
            time.sleep(0.05)
        killed_at = j["processed_rows"]
        server.kill9()
        check_consistent(server, "after the import crash")
        server.start()
        j = server.call("GET", f"/api/v1/imports/{job}")
        assert j["status"] == "interrupted", j
        assert count(server, cell_c) == 0, "a killed import left members behind"
        print(f"crash ({engine}): import killed at {killed_at}/{rows} rows: nothing written, job interrupted")

        # 2. kill -9 during a burst of transfer acceptances (each all or nothing).
        n = 120
        wait_import(server, upload(server, cell_a, csv_rows(n, 50000), "chuyen.csv"))
        members = []
        cursor = ""
        while True:
            page = server.call("GET", f"/api/v1/members?organization_id={cell_a}&limit=500&cursor={cursor}")
            members += [m["id"] for m in page["items"]]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        assert len(members) == n, len(members)
        transfers = [server.call("POST", "/api/v1/transfers", {
            "member_id": m, "to_organization_id": cell_b, "kind": "official", "issued_on": "2026-06-01",
            "reason": "Chuyển sinh hoạt", "decision_no": "1-GGT/ĐU"})["id"] for m in members]
        done = []

        def accept(ids):
            for t in ids:
                try:
                    s, _ = server.request("POST", f"/api/v1/transfers/{t}/accept", {"received_on": "2026-06-02"})
                    done.append(s)
                except Exception:
                    return

        threads = [threading.Thread(target=accept, args=(transfers[i::8],)) for i in range(8)]
        for t in threads:
            t.start()
        while len(done) < n // 3:
            time.sleep(0.005)
        server.kill9()
        for t in threads:
            t.join()
        check_consistent(server, "after the transfer crash")
        server.start()
        accepted = sum(1 for t in transfers
                       if server.call("GET", f"/api/v1/transfers/{t}")["status"] == "accepted")
        in_b = count(server, cell_b)
        in_a = count(server, cell_a)
        assert accepted == in_b and in_a + in_b == n, (accepted, in_a, in_b)
        assert 0 < accepted < n, f"the kill did not land mid-burst ({accepted}/{n} accepted)"
        print(f"crash ({engine}): transfers killed mid-burst: {accepted} accepted and moved, "
              f"{n - accepted} still pending in the sender; invariant and audit chain intact")
    finally:
        server.stop()
        if db:
            subprocess.run(["psql", pg, "-q", "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"])
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
