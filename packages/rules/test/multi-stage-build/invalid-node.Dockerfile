# a single-stage Node.js build
FROM node:22
WORKDIR /usr/src/app

COPY package*.json ./
RUN npm ci
COPY . .
# compile TypeScript
RUN npm run build

ENV PORT=3000
EXPOSE 3000
CMD ["node", "dist/server.js"]
