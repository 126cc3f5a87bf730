FROM debian:bookworm-slim
RUN set -e; apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
