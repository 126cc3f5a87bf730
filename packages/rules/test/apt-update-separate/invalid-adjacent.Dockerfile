FROM debian:bookworm-slim
RUN apt-get update
# install what we need
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
