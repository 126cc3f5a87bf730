FROM node:24-slim AS base
WORKDIR /app

FROM base AS deps
RUN npm ci

FROM base AS build
RUN --mount=from=deps,source=/app/node_modules,target=/app/node_modules npm run build

FROM base
COPY --from=build /app/dist ./dist
