FROM node:22-slim AS base
WORKDIR /app
COPY start.sh ./start.sh
FROM base
ENTRYPOINT ./start.sh
