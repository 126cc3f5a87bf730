FROM node:24-slim AS base
WORKDIR /app
COPY . .

FROM base AS test
RUN npm test

FROM base AS lint
RUN npm run lint

FROM base
CMD ["node", "server.js"]
