#!/usr/bin/env python3
"""Drops the `name` custom section of .wasm files, in place.

    python3 scripts/wasm_strip_names.py FILE.wasm...

The web client is linked unstripped (`wasm-split-cli` needs the linker's relocations, which a
stripped link drops), so the function names (about 1 MB) are removed here, after the split and
wasm-bindgen, as `strip = true` did before. No dependencies.
"""
import sys


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


def strip(data):
    """The module without its `name` section."""
    if data[:4] != b"\0asm":
        raise ValueError("not a wasm module")
    out = bytearray(data[:8])
    pos = 8
    while pos < len(data):
        sid = data[pos]
        size, body = leb(data, pos + 1)
        end = body + size
        name = None
        if sid == 0:
            nlen, p = leb(data, body)
            name = data[p:p + nlen]
        if name != b"name":
            out += data[pos:end]
        pos = end
    return bytes(out)


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            data = f.read()
        stripped = strip(data)
        if stripped != data:
            with open(path, "wb") as f:
                f.write(stripped)


if __name__ == "__main__":
    main()
