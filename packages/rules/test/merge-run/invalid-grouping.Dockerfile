FROM debian:bookworm-slim
# a second RUN with several statements or a top-level `||` is grouped, so the first RUN's failure still fails the build
RUN apt-get update
RUN set -eux; \
    apt-get install -y --no-install-recommends curl; \
    rm -rf /var/lib/apt/lists/*

FROM debian:bookworm-slim
RUN mkdir -p /data
RUN chown nobody /data || true

FROM debian:bookworm-slim
RUN mkdir -p /data
RUN touch /data/a; touch /data/b;
