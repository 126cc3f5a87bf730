FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-cache policy curl
# an update whose install is hidden in xargs or a script: nothing later relies on it
RUN apt-get update && xargs apt-get install -y < /deps.txt && rm -rf /var/lib/apt/lists/*
RUN apt-get update && /tmp/install.sh
