FROM node:22-bookworm AS build

WORKDIR /app

COPY package.json package-lock.json tsconfig.json ./
RUN npm ci

COPY src ./src
# compile TypeScript to dist/
RUN npm run build && \
    npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app ./
USER node

ENV PORT=3000
EXPOSE 3000
CMD ["node", "dist/main.js"]
