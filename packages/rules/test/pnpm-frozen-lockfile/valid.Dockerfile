FROM node:20-slim
RUN pnpm install --frozen-lockfile
RUN pnpm install --no-frozen-lockfile
RUN pnpm add express
RUN CI=true pnpm install
