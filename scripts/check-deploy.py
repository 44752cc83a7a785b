#!/usr/bin/env python3
"""Static checks that the deployment files are what the README claims (no Docker engine needed).

  python3 scripts/check-deploy.py [DOCKERFILE] [COMPOSE_FILE]

Dockerfile:
  - a build stage builds the web client with scripts/build-web.sh (trunk and wasm-bindgen-cli
    pinned and installed by `cargo install` from crates.io, no wasm-opt);
  - the runtime (last) stage copies that stage's frontend/dist to the directory QLDV_STATIC_DIR
    names, and runs as a user that is not root;
  - nothing is fetched by URL (curl, wget, ADD http...), and binaryen/wasm-opt is never used;
  - .dockerignore keeps target/ and frontend/dist out of the build context, so the client in the
    image is the one built there, never a stale local copy.
docker-compose.yml:
  - the server connects to PostgreSQL as a role other than the image's superuser
    (POSTGRES_USER, `postgres` by default);
  - that role is created by a script mounted in /docker-entrypoint-initdb.d, as NOSUPERUSER,
    owning the server's database.
Exits 1 listing every failure.
"""
import os
import re
import shlex
import sys

import yaml

failures = []


def fail(msg):
    failures.append(msg)


def instructions(text):
    """(KEYWORD, arguments) of each instruction, continuation lines joined, comments dropped."""
    out, cur = [], ""
    for line in text.splitlines():
        s = line.strip()
        if not cur and (not s or s.startswith("#")):
            continue
        if cur and s.startswith("#"):
            continue
        if s.endswith("\\"):
            cur += s[:-1] + " "
            continue
        cur += s
        kw, _, args = cur.partition(" ")
        out.append((kw.upper(), args.strip()))
        cur = ""
    return out


def stages(instrs):
    """[(name, [instructions])] per FROM."""
    result = []
    for kw, args in instrs:
        if kw == "FROM":
            m = re.match(r"(\S+)(?:\s+AS\s+(\S+))?", args, re.I)
            name = (m.group(2) or str(len(result))) if m else str(len(result))
            result.append((name, []))
        elif result:
            result[-1][1].append((kw, args))
    return result


def env_values(args):
    """KEY=VALUE pairs of an ENV instruction (also the legacy `ENV KEY VALUE`)."""
    parts = shlex.split(args)
    if parts and "=" not in parts[0]:
        return {parts[0]: " ".join(parts[1:])}
    return dict(p.split("=", 1) for p in parts if "=" in p)


def norm(path):
    return os.path.normpath(path.rstrip("/")) if path else path


def check_dockerfile(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    instrs = instructions(text)
    st = stages(instrs)
    if len(st) < 2:
        fail(f"{path}: a multi-stage build is expected (build stages, then the runtime)")
        return
    for kw, args in instrs:
        low = args.lower()
        if kw == "RUN" and re.search(r"(https?|ftp)://|\b(curl|wget)\s[^&|;]*\.\w+/", low):
            fail(f"{path}: RUN fetches by URL ({args[:80]}...): use cargo, apt, pip or npm")
        if kw == "ADD" and re.search(r"https?://|git@", low):
            fail(f"{path}: ADD from a URL: {args[:80]}")
        if kw == "RUN" and ("binaryen" in low or "wasm-opt" in low):
            fail(f"{path}: binaryen/wasm-opt is not used (Debian's breaks wasm-bindgen output)")
    web_stages = [
        name for name, body in st[:-1]
        if any(kw == "RUN" and "scripts/build-web.sh" in args for kw, args in body)
    ]
    if not web_stages:
        fail(f"{path}: no build stage runs scripts/build-web.sh: the image has no web client")
    runtime_name, runtime = st[-1]
    env = {}
    for kw, args in runtime:
        if kw == "ENV":
            env.update(env_values(args))
    static_dir = norm(env.get("QLDV_STATIC_DIR", ""))
    if not static_dir or not static_dir.startswith("/"):
        fail(f"{path}: the runtime stage sets no absolute QLDV_STATIC_DIR "
             f"(the default frontend/dist is relative to the working directory)")
    copied = False
    for kw, args in runtime:
        if kw != "COPY":
            continue
        parts = shlex.split(args)
        src_stage = next((p.split("=", 1)[1] for p in parts if p.startswith("--from=")), None)
        paths = [p for p in parts if not p.startswith("--")]
        if src_stage in web_stages and len(paths) >= 2:
            if any(norm(p).endswith("frontend/dist") for p in paths[:-1]) and \
                    norm(paths[-1]) == static_dir:
                copied = True
    if not copied:
        fail(f"{path}: the runtime stage does not COPY --from=<web build stage> .../frontend/dist "
             f"to QLDV_STATIC_DIR ({static_dir or 'unset'})")
    users = [args.split(":")[0].strip() for kw, args in runtime if kw == "USER"]
    if not users or users[-1] in ("root", "0"):
        fail(f"{path}: the runtime stage must end as a USER that is not root")
    ignore = os.path.join(os.path.dirname(os.path.abspath(path)), ".dockerignore")
    patterns = set()
    if os.path.exists(ignore):
        with open(ignore, encoding="utf-8") as f:
            patterns = {norm(l.strip().lstrip("/")) for l in f if l.strip() and not l.startswith("#")}
    for needed in ("target", "frontend/dist"):
        if needed not in patterns:
            fail(f".dockerignore must exclude {needed} from the build context")


def check_compose(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    services = doc.get("services", {})
    db, server = services.get("db"), services.get("server")
    if not db or not server:
        fail(f"{path}: services db and server expected")
        return
    senv, denv = server.get("environment") or {}, db.get("environment") or {}
    if isinstance(senv, list):
        senv = dict(e.split("=", 1) for e in senv)
    if isinstance(denv, list):
        denv = dict(e.split("=", 1) for e in denv)
    url = str(senv.get("QLDV_DATABASE_URL", ""))
    m = re.match(r"postgres(?:ql)?://([^:@/]+)[^@]*@[^/]+/([A-Za-z0-9_]+)", url)
    if not m:
        fail(f"{path}: the server's QLDV_DATABASE_URL names no user and database: {url!r}")
        return
    role, database = m.group(1), m.group(2)
    superuser = str(denv.get("POSTGRES_USER", "postgres"))
    if role == superuser:
        fail(f"{path}: the server connects as {role!r}, the PostgreSQL image's superuser "
             f"(POSTGRES_USER): give it a role that is not a superuser")
    init_dirs = []
    base = os.path.dirname(os.path.abspath(path))
    for v in db.get("volumes") or []:
        spec = v if isinstance(v, str) else f"{v.get('source')}:{v.get('target')}"
        parts = spec.split(":")
        if len(parts) >= 2 and parts[1].rstrip("/") == "/docker-entrypoint-initdb.d":
            init_dirs.append(os.path.join(base, parts[0]))
    script = ""
    for d in init_dirs:
        files = [os.path.join(d, n) for n in sorted(os.listdir(d))] if os.path.isdir(d) else [d]
        for fpath in files:
            if os.path.isfile(fpath):
                with open(fpath, encoding="utf-8") as f:
                    script += f.read() + "\n"
    if not init_dirs:
        fail(f"{path}: the db service mounts no /docker-entrypoint-initdb.d creating the role "
             f"{role!r}")
    else:
        create = re.search(rf"CREATE\s+ROLE\s+\"?{re.escape(role)}\"?\b([^;]*)", script, re.I)
        if not create or "NOSUPERUSER" not in create.group(1).upper():
            fail(f"{path}: the init script does not CREATE ROLE {role} ... NOSUPERUSER")
        if not re.search(rf"CREATE\s+DATABASE\s+\"?{re.escape(database)}\"?\s+OWNER\s+\"?"
                         rf"{re.escape(role)}\b", script, re.I):
            fail(f"{path}: the init script does not CREATE DATABASE {database} OWNER {role}")


def main():
    root = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    dockerfile = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Dockerfile")
    compose = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "docker-compose.yml")
    check_dockerfile(dockerfile)
    check_compose(compose)
    if failures:
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        sys.exit(1)
    print("Dockerfile and docker-compose.yml: web client built in the image, non-root runtime, "
          "server on a database role that is not a superuser")


if __name__ == "__main__":
    main()
