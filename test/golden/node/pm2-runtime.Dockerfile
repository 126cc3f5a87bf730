FROM node:22-bookworm
RUN npm install -g pm2@5
WORKDIR /srv/app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
CMD ["pm2-runtime", "ecosystem.config.js"]
