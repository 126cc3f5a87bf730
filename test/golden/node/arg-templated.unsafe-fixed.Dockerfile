ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-slim
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
ENV NODE_ENV=production
COPY . .
USER node
CMD ["node", "server.js"]
