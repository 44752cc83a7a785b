# The QLĐV server. Build: docker build -t qldv .   (docker-compose.yml uses it)
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p qldv

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/qldv qldv && mkdir -p /var/lib/qldv && chown qldv /var/lib/qldv
COPY --from=build /src/target/release/qldv /usr/local/bin/qldv
USER qldv
WORKDIR /var/lib/qldv
ENV QLDV_BIND=0.0.0.0:8080 QLDV_LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["qldv"]
CMD ["serve"]
