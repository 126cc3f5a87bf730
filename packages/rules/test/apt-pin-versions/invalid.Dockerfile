FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1 ./local.deb && rm -rf /var/lib/apt/lists/*
