FROM node:22-bookworm-slim
RUN npm install -g pm2@5 && npm cache clean --force
WORKDIR /srv/app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
ENV NODE_ENV=production
COPY . .
USER node
CMD ["pm2-runtime", "ecosystem.config.js"]
