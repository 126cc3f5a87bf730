FROM node:24 AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM node:24-slim
COPY --from=build /app /app
CMD ["node", "/app/dist/server.js"]
