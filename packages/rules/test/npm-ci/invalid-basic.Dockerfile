FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install
RUN npm i --no-audit --no-fund
RUN npm --prefix /app install --loglevel warn
RUN npm install --production && npm run build
CMD ["node", "server.js"]
