FROM node:24-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .

USER node
CMD ["node", "server.js"]
