FROM node:20
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && npm cache clean --force
RUN npm install -g pm2 && rm -rf /root/.npm
RUN npm i -g typescript; rm -rf ~/.npm/_cacache
RUN --mount=type=cache,target=/root/.npm \
    npm ci
RUN --mount=type=cache,id=npm,target=/home/node/.npm,uid=1000 npm ci
RUN npm run build && npm prune --omit=dev
CMD ["node", "."]
