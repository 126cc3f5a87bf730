FROM node:20-slim AS build
RUN pnpm install --frozen-lockfile

FROM node:20-slim
RUN pnpm install --frozen-lockfile && pnpm store prune
RUN --mount=type=cache,id=pnpm,target=/pnpm/store pnpm install --frozen-lockfile
COPY --from=build /app/dist /app/dist
