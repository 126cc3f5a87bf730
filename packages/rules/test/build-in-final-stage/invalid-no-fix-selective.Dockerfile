# the final stage copies only some sources: the builder's whole directory would bring more, so no fix
FROM node:22 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM node:22-slim
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# sources
COPY src ./src
COPY tsconfig.json ./
RUN npx tsc
CMD ["node", "dist/index.js"]
