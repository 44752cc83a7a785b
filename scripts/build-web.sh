#!/usr/bin/env bash
# Builds the web client into frontend/dist (release size profile, no network, no wasm-opt).
#
# The standard library is rebuilt for the client with immediate-abort panics: a panic is a trap at
# once, so the panic runtime, the panic messages and locations and most of `core::fmt` they pull
# in leave the wasm (about 30 KB gzip, docs/benchmarks.md); `-Zfmt-debug=none` makes `{:?}`
# print nothing (the client shows no Debug output: it only reaches the console) and
# `-Zlocation-detail=none` drops file names (8 KB more). That takes unstable switches,
# cargo's `-Zbuild-std` and rustc's `-Cpanic=immediate-abort`, `-Z…`, enabled on the pinned stable
# toolchain by RUSTC_BOOTSTRAP=1. Acceptable here because it is set for this one command (the
# wasm build of the client) and nothing else: the server, its tests and clippy build on plain
# stable; the toolchain is pinned (rust:1.95 in the Dockerfile, rust-version in Cargo.toml), so the
# flags cannot change under us; a later toolchain that renames them fails this build loudly, and
# QLDV_WEB_PLAIN_STD=1 builds the client the stable way (30 KB bigger, same behaviour but for the
# panic notice, see frontend/src/panic.rs). The standard library's sources come from rustup's
# `rust-src` and their crates are fetched by scripts/web-tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"
if [ "${QLDV_WEB_PLAIN_STD:-0}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Replaces .cargo/config.toml's flags for wasm32, so they are repeated here.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
fi
cd frontend
trunk build --release --offline --locked 2>&1 | grep -v '^\s*$' | tail -n 5
test -f dist/index.html
