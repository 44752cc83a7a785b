#!/usr/bin/env bash
# Installs what building the web client needs, when it is missing (debug builds: they compile in a
# fraction of the time and run fast enough): the wasm32 target, the standard library's sources
# (rustup's rust-src) and their crates, trunk 0.21.14
# (0.22 needs a newer rustc), wasm-split-cli (crate wasm_split_cli_support, pinned: the splitter
# of scripts/build-web.sh, made for the `wasm_split_helpers` Leptos uses) and wasm-bindgen-cli at exactly the version in Cargo.lock (the
# frontend pins the same `wasm-bindgen`, so the two never drift). Never installs Debian's binaryen:
# its wasm-opt 108 breaks wasm-bindgen output, and the build does not use wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
export PATH="$HOME/.cargo/bin:$PATH"

# The standard library's sources and the crates they use, for scripts/build-web.sh's rebuild of
# std (`-Zbuild-std`, offline there). Fetched once; `--offline` first so a warm machine needs no
# network.
sysroot=$(rustc --print sysroot)
if [ ! -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
  rustup component add rust-src >&2
fi
std_manifest="$sysroot/lib/rustlib/src/rust/library/Cargo.toml"
RUSTC_BOOTSTRAP=1 cargo fetch --offline --locked --manifest-path "$std_manifest" >/dev/null 2>&1 \
  || RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$std_manifest" >&2

want_trunk=0.21.14
if ! trunk --version 2>/dev/null | grep -q "$want_trunk"; then
  echo "installing trunk $want_trunk" >&2
  cargo install trunk --version "$want_trunk" --locked --debug >&2
fi

want_wb=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, "", $0); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q "$want_wb"; then
  echo "installing wasm-bindgen-cli $want_wb" >&2
  cargo install wasm-bindgen-cli --version "$want_wb" --debug >&2
fi

want_split=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$want_split:"; then
  echo "installing wasm-split-cli $want_split" >&2
  cargo install wasm_split_cli_support --version "$want_split" --features build-binary --locked --debug >&2
fi
