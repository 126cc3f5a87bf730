FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --only=production
RUN npm install --production --no-audit
RUN npm i --only=prod && npm prune --production=true
RUN npm ci --only production
CMD ["node", "server.js"]
