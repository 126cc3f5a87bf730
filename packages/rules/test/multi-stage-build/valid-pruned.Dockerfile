FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci && npm run build && npm prune --omit=dev
CMD ["node", "dist/server.js"]
