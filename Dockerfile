# The QLĐV server and its web client. Build: docker build -t qldv .   (docker-compose.yml uses it)
# Everything is fetched by its own client: crates from crates.io (cargo), the wasm32 target by
# rustup, Debian packages by apt. No wasm-opt (Debian's binaryen breaks wasm-bindgen output).
# scripts/check-deploy.py (run by scripts/check-compose.sh in the test command) checks this file.

# The server.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p qldv

# The web client: trunk, wasm-bindgen-cli and wasm-split-cli at their pinned versions (`cargo install`, see
# scripts/web-tools.sh; a layer of their own, rebuilt only when Cargo.lock changes), with the
# standard library's sources (rustup's rust-src) and their crates, then scripts/build-web.sh
# builds frontend/dist offline, the standard library rebuilt with immediate-abort panics (for
# that build only: see the script).
FROM rust:1.95-bookworm AS web
WORKDIR /src
# scripts/build-web.sh strips the split modules' names with a small Python script.
RUN apt-get update && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*
COPY Cargo.lock ./
COPY scripts/web-tools.sh scripts/
RUN scripts/web-tools.sh
COPY . .
RUN cargo fetch --locked && scripts/build-web.sh

# The runtime: the binary, the client it serves at /, an unprivileged user.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/qldv qldv && mkdir -p /var/lib/qldv /keys \
    && chown qldv /var/lib/qldv /keys && chmod 0700 /keys
COPY --from=build /src/target/release/qldv /usr/local/bin/qldv
COPY --from=web /src/frontend/dist /usr/share/qldv/web
USER qldv
WORKDIR /var/lib/qldv
ENV QLDV_BIND=0.0.0.0:8080 QLDV_LOG_FORMAT=json QLDV_STATIC_DIR=/usr/share/qldv/web
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["qldv"]
CMD ["serve"]
