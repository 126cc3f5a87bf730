FROM node:22-bookworm

WORKDIR /app

COPY package.json package-lock.json tsconfig.json ./
RUN npm ci

COPY src ./src
# compile TypeScript to dist/
RUN npm run build

ENV PORT=3000
EXPOSE 3000
CMD node dist/main.js
