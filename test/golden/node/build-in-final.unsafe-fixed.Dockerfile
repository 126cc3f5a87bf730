# dependencies in one stage, everything else in the final one
FROM node:22 AS deps
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
# build, then drop the dev dependencies
RUN npm run build && npm prune --omit=dev

FROM node:22-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app ./
USER node
EXPOSE 8080
CMD ["node", "dist/index.js"]
