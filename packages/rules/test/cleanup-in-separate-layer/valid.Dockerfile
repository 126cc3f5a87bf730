FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npm cache clean --force
RUN rm -rf /tmp/*
