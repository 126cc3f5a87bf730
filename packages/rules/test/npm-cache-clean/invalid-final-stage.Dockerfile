FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
RUN npm install -g pm2@5 \
    && pm2 --version
COPY . .
CMD ["pm2-runtime", "server.js"]
