# W4: only package.json is copied, so `npm ci` would fail: reported without a fix
FROM node:22-slim
WORKDIR /app
COPY package.json ./
RUN npm install
COPY . .
CMD ["node", "server.js"]
