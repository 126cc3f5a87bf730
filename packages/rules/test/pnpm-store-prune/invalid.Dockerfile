FROM node:20-slim
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm fetch && pnpm install --offline --frozen-lockfile --prod
