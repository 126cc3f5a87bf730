# dependencies in one stage, everything else in the final one
FROM node:22 AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci

FROM node:22-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# build, then drop the dev dependencies
RUN npm run build && npm prune --omit=dev
USER node
EXPOSE 8080
CMD ["node", "dist/index.js"]
