#!/usr/bin/env python3
"""Where the web client's bytes go: code size per crate (and the biggest functions) of a .wasm.

    python3 scripts/wasm_size.py frontend/dist/qldv-frontend-*_bg.wasm [TOP]

Reads the code section and the `name` section (wasm-bindgen keeps it, demangled, unless the
build strips it); without names, only the section sizes are shown. No dependencies.
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    """Unsigned LEB128 at pos: (value, next position)."""
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def sections(data):
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, body = leb(data, pos + 1)
        name = None
        if sid == 0:
            nlen, p = leb(data, body)
            name = data[p:p + nlen].decode()
        yield sid, name, body, size
        pos = body + size


def imported_functions(data, body):
    count, pos = leb(data, body)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            n, pos = leb(data, pos)
            pos += n
        kind = data[pos]
        pos += 1
        if kind == 0:
            _, pos = leb(data, pos)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            pos += 1
            flags, pos = leb(data, pos)
            _, pos = leb(data, pos)
            if flags & 1:
                _, pos = leb(data, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb(data, pos)
            _, pos = leb(data, pos)
            if flags & 1:
                _, pos = leb(data, pos)
        elif kind == 3:  # global: type, mutability
            pos += 2
        elif kind == 4:  # tag
            pos += 1
            _, pos = leb(data, pos)
    return funcs


def function_names(data, body, size):
    nlen, pos = leb(data, body)
    pos += nlen
    end = body + size
    names = {}
    while pos < end:
        sub = data[pos]
        ssize, p = leb(data, pos + 1)
        if sub == 1:
            count, q = leb(data, p)
            for _ in range(count):
                idx, q = leb(data, q)
                n, q = leb(data, q)
                names[idx] = data[q:q + n].decode(errors="replace")
                q += n
        pos = p + ssize
    return names


def crate_of(name):
    """The crate a demangled Rust symbol belongs to (the first path segment, impl-aware)."""
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    m = re.match(r"<(?:&(?:mut )?)?(?:\[|\()?([A-Za-z_][A-Za-z0-9_]*)", name)
    if name.startswith("<") and m:
        # `<T as Trait>::f`: count the implementing type's crate.
        return m.group(1)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)::", name)
    return m.group(1) if m else name.split("(")[0][:40]


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    print(f"{path}: {len(data):,} bytes")
    for sid, name, body, size in sections(data):
        print(f"  section {sid:>2} {name or '':<20} {size:>10,}")
        if sid == 2:
            imports = imported_functions(data, body)
        elif sid == 10:
            count, pos = leb(data, body)
            for _ in range(count):
                fsize, p = leb(data, pos)
                bodies.append(fsize)
                pos = p + fsize
        elif sid == 0 and name == "name":
            names = function_names(data, body, size)
    if not names:
        print("no name section: build without stripping to see crates")
        return
    per_crate = Counter()
    funcs = []
    for i, fsize in enumerate(bodies):
        fname = names.get(imports + i, f"func{imports + i}")
        per_crate[crate_of(fname)] += fsize
        funcs.append((fsize, fname))
    total = sum(bodies)
    print(f"\ncode: {total:,} bytes in {len(bodies):,} functions; by crate:")
    for crate, n in per_crate.most_common(top):
        print(f"  {n:>10,} {100 * n / total:5.1f}%  {crate}")
    print("\nbiggest functions:")
    for fsize, fname in sorted(funcs, reverse=True)[:top]:
        print(f"  {fsize:>8,}  {fname[:150]}")


if __name__ == "__main__":
    main()
