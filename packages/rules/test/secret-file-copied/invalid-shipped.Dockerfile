FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY config/.env /app/.env
COPY certs/server.pem /etc/ssl/private/
COPY deploy/id_ed25519 /root/.ssh/
RUN npm ci --omit=dev
CMD ["node", "server.js"]
