FROM debian:bookworm-slim
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends ca-certificates; \
    update-ca-certificates;
RUN if [ -n "$EXTRA" ]; then apt-get update && apt-get install -y --no-install-recommends $EXTRA; fi
RUN apt-get update || true
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends python3
EOF
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends jq
