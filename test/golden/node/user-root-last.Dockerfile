FROM node:24-slim
WORKDIR /app
COPY --chown=node:node . .
USER node
RUN npm ci --omit=dev
# switched back to install a system package
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
HEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1
CMD ["node", "server.js"]
