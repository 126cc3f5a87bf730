FROM node:22 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev

FROM node:22-slim
WORKDIR /app
COPY --from=build /app ./
RUN chown -R node:node /app/data
USER node
CMD ["node", "dist/server.js"]
