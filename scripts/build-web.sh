#!/usr/bin/env bash
# Builds the web client into frontend/dist (release size profile, no network, no wasm-opt).
#
# Code splitting (issue 21, docs/benchmarks.md): the screens behind `frontend/src/lazy.rs`'s split
# points are cut out of the wasm by `wasm-split-cli` (crate wasm_split_cli_support, the tool
# Leptos's `#[lazy]` is made for; scripts/web-tools.sh installs it), so the browser first loads
# the shell, the sign-in form and the member list, and fetches an area's code from the same
# server when one of its screens is first opened. The steps, as trunk cannot run them:
#   1. cargo links the client unstripped with `--emit-relocs` (the splitter needs the linker's
#      relocations and symbols);
#   2. wasm-split-cli writes the main module, one module per split point, the chunks they share
#      and `__wasm_split.js` (their loaders);
#   3. wasm-bindgen makes the main module's JS glue (`--keep-lld-exports`: the split modules link
#      to the main module's exports);
#   4. the function names are dropped from every module (scripts/wasm_strip_names.py: what
#      `strip = true` did before, 1 MB);
#   5. trunk builds index.html and the stylesheet, and the loader is written into index.html.
# Everything of step 2–3 goes to `dist/pkg-HASH/` (HASH of the main module), so a browser never
# mixes modules of two builds. The server allows the inline loader by its hash (docs/hardening.md).
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
root=$(pwd)
scripts/web-tools.sh
export PATH="$HOME/.cargo/bin:$PATH"
if [ "${QLDV_WEB_PLAIN_STD:-0}" != 1 ]; then
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Replaces .cargo/config.toml's flags for wasm32, so they are repeated here.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
fi
# Step 1. The names are kept by the link (a stripped link drops the relocations) and removed in
# step 4; the linker flag goes to the client's final link only, so dependencies are not rebuilt.
export CARGO_PROFILE_WASM_RELEASE_STRIP=false
cargo rustc -q -p qldv-frontend --bin qldv-frontend --target wasm32-unknown-unknown \
  --profile wasm-release --offline --locked -- -Clink-arg=--emit-relocs
target_dir=$(cargo metadata --format-version 1 --no-deps --offline | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
linked="$target_dir/wasm32-unknown-unknown/wasm-release/qldv-frontend.wasm"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# Step 2.
wasm-split-cli "$linked" "$stage/split" --out-name qldv-frontend >"$stage/split.log"
# Step 3.
wasm-bindgen "$stage/split/qldv-frontend.wasm" --out-dir "$stage/split" --target web \
  --keep-lld-exports --no-typescript
rm "$stage/split/qldv-frontend.wasm"
# Step 4.
python3 scripts/wasm_strip_names.py "$stage"/split/*.wasm
hash=$(sha256sum "$stage/split/qldv-frontend_bg.wasm" | cut -c1-16)

# Step 5. trunk writes index.html and the hashed stylesheet (from a copy of the page without the
# crate beside it: next to a Cargo.toml, trunk would build the crate itself); the loader goes in
# after.
mkdir "$stage/page"
cp frontend/index.html frontend/style.css frontend/Trunk.toml "$stage/page/"
(cd "$stage/page" && trunk build --release --offline 2>&1 | grep -v '^\s*$' | tail -n 5)
rm -rf frontend/dist
cp -r "$stage/page/dist" frontend/dist
cd frontend
test -f dist/index.html
pkg="pkg-$hash"
cp -r "$stage/split" "dist/$pkg"
python3 - dist/index.html "/$pkg" <<'PY'
import sys
path, pkg = sys.argv[1:]
loader = (
    f'<link rel="modulepreload" href="{pkg}/qldv-frontend.js">\n'
    f'<link rel="modulepreload" href="{pkg}/__wasm_split.js">\n'
    f'<link rel="preload" href="{pkg}/qldv-frontend_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n'
    f'<script type="module">import init from "{pkg}/qldv-frontend.js"; '
    f'await init({{ module_or_path: "{pkg}/qldv-frontend_bg.wasm" }});</script>\n'
)
html = open(path).read()
if "</head>" not in html:
    sys.exit("index.html has no </head>")
open(path, "w").write(html.replace("</head>", loader + "</head>", 1))
PY
cd "$root"
scripts/web-size.sh
