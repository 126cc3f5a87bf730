FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev
FROM node:22-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY .env.example ./.env.example
RUN --mount=type=secret,id=netrc,target=/root/.netrc true
CMD ["node", "server.js"]
COPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt
COPY fullchain.pem /etc/nginx/
