FROM node:22-alpine AS npm-only
WORKDIR /app
COPY package*.json ./
RUN npm ci --only=production
COPY . .
RUN npx tsc -p .

FROM node:22-alpine AS same-run
WORKDIR /app
COPY . .
RUN npm ci --omit=dev && npm run build

FROM node:22-alpine AS inline-env
WORKDIR /app
COPY . .
RUN NODE_ENV=production npm install && npm run build:prod

FROM node:22-alpine AS env
ENV NODE_ENV=production
WORKDIR /app
COPY . .
RUN npm ci
RUN npm run build

FROM node:14-alpine AS npm6
WORKDIR /app
COPY . .
RUN npm install --production
RUN npm run build

FROM node:22-alpine AS yarn
WORKDIR /app
COPY package.json yarn.lock ./
RUN yarn install --frozen-lockfile --production
COPY . .
RUN yarn build

FROM node:22-alpine AS pnpm
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile --prod
RUN pnpm run build

FROM node:22-alpine AS pruned-already
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
RUN npm run build && npm prune --omit=dev

FROM node:22-alpine
COPY --from=npm-only /app /npm-only
COPY --from=same-run /app /same-run
COPY --from=inline-env /app /inline-env
COPY --from=env /app /env
COPY --from=npm6 /app /npm6
COPY --from=yarn /app /yarn
COPY --from=pnpm /app /pnpm
COPY --from=pruned-already /app /pruned-already
