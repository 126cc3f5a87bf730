FROM node:24-slim AS base
ENV NODE_ENV=production

FROM base
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
