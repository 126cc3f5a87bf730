# Express API: installs everything, no build step
FROM node:22-slim

WORKDIR /usr/src/app

# install dependencies first so they are cached
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
ENV NODE_ENV=production

COPY . .

EXPOSE 8080
USER node
CMD ["node", "index.js"]
