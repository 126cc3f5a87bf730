FROM debian:bookworm-slim
RUN apt-get update
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*
