FROM node:22 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:22-slim
WORKDIR /app
COPY --from=build /app /app
RUN npm prune --omit=dev
CMD ["node", "dist/server.js"]
