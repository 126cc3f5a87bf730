FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ssh procps && rm -rf /var/lib/apt/lists/*
RUN echo kill top
