FROM node:22-alpine AS builder
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package*.json ./
# a production install with no build after it is what the flags are for
RUN npm ci --omit=dev
COPY --from=builder /app/dist ./dist
# a full install later in the stage brings devDependencies back
RUN npm ci --include=dev && npm run build
CMD ["node", "dist/server.js"]
