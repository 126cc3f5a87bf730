# 빌드 스테이지
FROM node:18 AS builder
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build && \
    npm prune --omit=dev && \
    rm -rf src/ tests/ *.md

# 프로덕션 스테이지
FROM node:18-alpine
WORKDIR /app
COPY --from=builder /app ./
ENV NODE_ENV=production

USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
